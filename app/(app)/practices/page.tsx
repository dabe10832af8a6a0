import type { Metadata } from "next";
import Link from "next/link";
import { PracticeFiltersForm } from "@/components/practices/filters";
import { PracticeCard } from "@/components/practices/practice-card";
import { Card, PageTitle } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { reaches, rolesWith } from "@/lib/auth/rules";
import { scopeMunicipality, scopeRegion } from "@/lib/auth/scoped";
import { countOf } from "@/lib/format";
import { practiceBank, practiceYears, proposedPractices, type BankScope } from "@/lib/practices/queries";
import { parsePracticeFilters } from "@/lib/practices/schemas";
import { FORMAT_LABELS } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Банк лучших практик" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The bank of best practices: a coordinator's municipality, the region for the ministry and the admin. Search
 * and filters by format, role model, level and year; the curators' proposals for those who recognise.
 */
export default async function PracticesPage({ searchParams }: Props) {
  const user = await requireUser(rolesWith("viewBestPractices"));
  const scope: BankScope =
    user.role === "coordinator"
      ? { municipality: await pageScope(scopeMunicipality(user, user.municipalityId)) }
      : { region: await pageScope(scopeRegion(user)) };
  const query = await searchParams;
  const f = parsePracticeFilters(query);
  const canMark = reaches(user, "markBestPractice", {
    municipalityId: "municipality" in scope ? scope.municipality.id : null,
    regionId: "municipality" in scope ? scope.municipality.regionId : scope.region.id,
  });
  const pageParam = Array.isArray(query.page) ? query.page[0] : query.page;
  const page = /^\d{1,6}$/.test(pageParam ?? "") ? Number(pageParam) : 1;
  const [{ practices, total, page: current, pages }, years, proposed] = await Promise.all([
    practiceBank(scope, f, page),
    practiceYears(scope),
    canMark ? proposedPractices(scope) : Promise.resolve([]),
  ]);
  const filtered = Boolean(f.q || f.format || f.roleModel || f.level || f.year);
  const programmeHref = (id: number, orgId: number) => `/registry/programmes/${id}?org=${orgId}`;
  return (
    <>
      <PageTitle
        subtitle={
          user.role === "coordinator"
            ? "Программы организаций муниципалитета, признанные лучшими практиками"
            : "Программы организаций региона, признанные лучшими практиками"
        }
      >
        Банк лучших практик
      </PageTitle>
      <PracticeFiltersForm f={f} years={years} />
      <p className="mb-3 text-sm text-slate-600" role="status">
        {practices.length === 0
          ? filtered
            ? "По этим условиям практик не нашлось."
            : "Лучших практик пока нет."
          : `Найдено: ${countOf(total, "практика", "практики", "практик")}.`}
        {practices.length === 0 && !filtered && canMark && (
          <> Признать программу лучшей практикой можно на её странице — раздел «Банк лучших практик».</>
        )}
      </p>
      <div className="space-y-4">
        {practices.map((p) => (
          <PracticeCard
            key={p.id}
            p={p}
            programmeHref={canMark ? programmeHref(p.id, p.organisation.id) : null}
          />
        ))}
      </div>
      <Pager
        page={current}
        pages={pages}
        params={{
          q: f.q || undefined,
          format: f.format || undefined,
          roleModel: f.roleModel || undefined,
          level: f.level || undefined,
          year: f.year ? String(f.year) : undefined,
        }}
        path="/practices"
      />
      {canMark && (
        <Card className="mt-6" title="Предложены организациями">
          {proposed.length === 0 ? (
            <p className="text-sm text-slate-600">Новых предложений нет.</p>
          ) : (
            <>
              <p className="mb-2 text-sm text-slate-600">
                Кураторы предложили эти программы в банк. Откройте программу, чтобы признать её лучшей
                практикой.
              </p>
              <ul className="divide-y divide-slate-100 text-sm">
                {proposed.map((p) => (
                  <li key={p.id} className="py-2">
                    <Link
                      href={programmeHref(p.id, p.organisationId)}
                      className="text-brand-700 hover:underline"
                    >
                      {p.title}
                    </Link>
                    <span className="text-slate-600">
                      {" "}
                      — {p.organisation}
                      {user.role !== "coordinator" ? `, ${p.municipality}` : ""} · «{FORMAT_LABELS[p.format]}»
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      )}
    </>
  );
}
