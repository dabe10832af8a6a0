import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Table, Th } from "@/components/ui/table";
import { OrganisationRows } from "@/components/organisations/organisation-rows";
import { requireUser } from "@/lib/auth/guard";
import { countOf } from "@/lib/format";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";
import { listOrganisations, municipalitiesInReach } from "@/lib/organisations/queries";

export const metadata: Metadata = { title: "Организации" };

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** One value of a query parameter (a repeated one counts as its first). */
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function OrganisationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (user.role === "curator") redirect(`/orgs/${user.organisationId}`);
  // The federal level reaches an organisation through the indicators (region → municipality), not a list of all.
  if (user.role === "federal") redirect("/indicators");
  const p = await searchParams;
  const q = one(p.q)?.slice(0, 100) ?? "";
  const m = /^\d{1,9}$/.test(one(p.m) ?? "") ? Number(one(p.m)) : undefined;
  const kind = Object.hasOwn(ORGANISATION_KIND_LABELS, one(p.kind) ?? "") ? one(p.kind) : undefined;
  const page = /^\d{1,6}$/.test(one(p.page) ?? "") ? Number(one(p.page)) : 1;
  const [list, munis] = await Promise.all([
    listOrganisations(user, { q, municipalityId: m, kind, page }),
    municipalitiesInReach(user),
  ]);
  const filtered = Boolean(q || m || kind);
  return (
    <>
      <PageTitle
        subtitle={
          filtered
            ? `Найдено: ${countOf(list.total, "организация", "организации", "организаций")}`
            : countOf(list.total, "организация", "организации", "организаций")
        }
      >
        Организации
      </PageTitle>
      <form
        method="get"
        role="search"
        aria-label="Поиск организаций"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5"
      >
        <label className="col-span-2 text-sm font-medium text-slate-800">
          Наименование
          <input name="q" defaultValue={q} maxLength={100} className={input} />
        </label>
        {munis.length > 0 && (
          <label className="text-sm font-medium text-slate-800">
            Муниципалитет
            <select name="m" defaultValue={m ? String(m) : ""} className={input}>
              <option value="">все</option>
              {munis.map((mu) => (
                <option key={mu.id} value={mu.id}>
                  {mu.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm font-medium text-slate-800">
          Тип
          <select name="kind" defaultValue={kind ?? ""} className={input}>
            <option value="">все</option>
            {Object.entries(ORGANISATION_KIND_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-3">
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100"
          >
            Найти
          </button>
          {filtered && (
            <Link href="/orgs" className="text-brand-700 py-1.5 text-sm underline">
              Сбросить
            </Link>
          )}
        </div>
      </form>
      <Card>
        {list.rows.length === 0 ? (
          <p className="text-sm text-slate-600">
            {filtered ? "Ничего не найдено: измените условия поиска." : "Организаций пока нет."}
          </p>
        ) : (
          <Table caption="Организации">
            <thead>
              <tr>
                <Th>Организация</Th>
                <Th>Тип</Th>
                {user.role !== "coordinator" && <Th>Муниципалитет</Th>}
                <Th className="text-right">Обучающихся 10–18 лет</Th>
                <Th className="text-right">Педагогов</Th>
              </tr>
            </thead>
            <OrganisationRows
              rows={list.rows.map((o) => [
                o.id,
                o.shortName,
                ORGANISATION_KIND_LABELS[o.kind],
                user.role !== "coordinator" ? o.municipality : null,
                o.learners10to18,
                o.teachingStaff,
              ])}
            />
          </Table>
        )}
        <Pager
          page={list.page}
          pages={list.pages}
          params={{ q: q || undefined, m: m ? String(m) : undefined, kind }}
          path="/orgs"
        />
      </Card>
    </>
  );
}
