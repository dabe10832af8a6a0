import type { Metadata } from "next";
import { RoadmapView } from "@/components/roadmap/roadmap-view";
import { Pager } from "@/components/ui/pager";
import { OrgRoadmapRows, OverdueRows } from "@/components/roadmap/summary-rows";
import { Table, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { countOf, formatDate } from "@/lib/format";
import { dueText } from "@/lib/roadmap/domain";
import { organisationsRoadmapSummary, overdueRoadmapCount, overdueRoadmapItems } from "@/lib/roadmap/queries";
import { scopeRoadmap } from "@/lib/roadmap/scope";
import { pageWindow } from "@/lib/search";
import { regionClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Дорожная карта муниципалитета" };

/** The organisations' overdue items come this many to a page (a big city has hundreds). */
const OVERDUE_PAGE = 25;
/** Up to this many overdue items the list is shown unfolded. */
const OPEN_UP_TO = 10;

export default async function MunicipalityRoadmapPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const user = await requireUser();
  const owner = await pageScope(scopeRoadmap(user, "municipality", Number((await params).id), "view"));
  const asked = (await searchParams).page;
  const today = (await regionClock(owner.regionId)).today();
  const db = await getDb();
  const filter = {
    regionId: owner.regionId,
    municipalityId: owner.id,
    levels: ["organisation" as const],
    today,
  };
  const [orgs, total] = await Promise.all([
    organisationsRoadmapSummary(owner.id, today),
    overdueRoadmapCount(db, filter),
  ]);
  const { page, pages, offset } = pageWindow(total.items, OVERDUE_PAGE, asked);
  const overdue = await overdueRoadmapItems(db, filter, OVERDUE_PAGE, offset);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const back =
    user.role === "coordinator" ? undefined : { href: "/roadmap/region", label: "Дорожная карта региона" };
  return (
    <RoadmapView user={user} owner={owner} today={today} back={back}>
      {/* A long list stays folded under its count, so that the municipality's own roadmap is not pushed far down. */}
      <details
        open={(total.items > 0 && total.items <= OPEN_UP_TO) || asked !== undefined}
        className="mb-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <summary className="cursor-pointer text-lg font-semibold text-slate-900">
          Просроченные мероприятия организаций:{" "}
          {total.items === 0 ? (
            "нет"
          ) : (
            <span className="text-red-800">
              {total.items} в {countOf(total.owners, "организации", "организациях", "организациях")}
            </span>
          )}
        </summary>
        <div className="mt-3">
          {total.items === 0 ? (
            <p className="text-slate-600">У организаций муниципалитета нет просроченных мероприятий.</p>
          ) : (
            <Table caption="Просроченные мероприятия организаций" region>
              <thead>
                <tr>
                  <Th>Организация</Th>
                  <Th>Мероприятие</Th>
                  <Th>Срок</Th>
                  <Th>Статус</Th>
                </tr>
              </thead>
              <OverdueRows
                lines={overdue.map((i) => ({
                  id: i.id,
                  ownerId: i.ownerId,
                  owner: orgName.get(i.ownerId) ?? `Организация № ${i.ownerId}`,
                  title: i.title,
                  due: dueText(i),
                  since: formatDate(i.dueEnd),
                  inProgress: i.status === "in_progress",
                }))}
              />
            </Table>
          )}
          <Pager page={page} pages={pages} params={{}} path={`/roadmap/municipality/${owner.id}`} />
        </div>
      </details>
      <details className="mb-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <summary className="cursor-pointer text-lg font-semibold text-slate-900">
          Дорожные карты организаций ({orgs.filter((o) => o.items > 0).length} из {orgs.length})
        </summary>
        <div className="mt-3">
          <Table caption="Дорожные карты организаций" region>
            <thead>
              <tr>
                <Th>Организация</Th>
                <Th className="text-right">Мероприятий</Th>
                <Th className="text-right">Выполнено</Th>
                <Th className="text-right">Просрочено</Th>
              </tr>
            </thead>
            <OrgRoadmapRows
              lines={orgs.map((o) => ({
                id: o.id,
                name: o.name,
                items: o.items,
                done: o.done,
                overdue: o.overdue,
              }))}
            />
          </Table>
        </div>
      </details>
    </RoadmapView>
  );
}
