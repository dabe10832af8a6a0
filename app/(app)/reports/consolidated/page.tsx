import type { Metadata } from "next";
import Link from "next/link";
import { ConsolidatedTable } from "@/components/reports/consolidated/consolidated-table";
import { ConsolidatedFilters } from "@/components/reports/consolidated/filters";
import { PrintButton } from "@/components/reports/consolidated/print-button";
import { ConsolidatedPrintStyle } from "@/components/reports/consolidated/print-style";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { formLayout } from "@/lib/reports/consolidated/layout";
import { pageParams, queryOf } from "@/lib/reports/consolidated/params";
import { CONSOLIDATED_ROLES, consolidatedScope, loadConsolidated } from "@/lib/reports/consolidated/queries";
import { CONSOLIDATED_KEYS, SHORT_TITLES } from "@/lib/reports/consolidated/types";
import { contentNote, titleOf } from "@/lib/reports/consolidated/titles";
import { periodLabel } from "@/lib/reports/domain";
import { userClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Сводные формы" };

const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";

export default async function ConsolidatedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(CONSOLIDATED_ROLES);
  const raw = await searchParams;
  const current = (await userClock(user)).quarter();
  const params = pageParams((k) => {
    const v = raw[k];
    return Array.isArray(v) ? v.at(-1) : v;
  }, current);
  const { scope, reports } = await loadConsolidated(
    await pageScope(consolidatedScope(user, params.municipalityId)),
    params,
  );
  const keys = params.form === "all" ? CONSOLIDATED_KEYS : [params.form];
  const submitted = reports.filter((r) => r.status === "submitted").length;
  const api = (extra: Record<string, string>, form = params.form) =>
    `/api/reports/consolidated?${queryOf({ ...params, form }, extra)}`;
  return (
    <div className="consolidated">
      <ConsolidatedPrintStyle />
      <p className="no-print mb-2 text-sm">
        <Link
          href={`/reports?period=${params.period.year}-${params.period.quarter}`}
          className="text-brand-700 underline"
        >
          Отчёты за {periodLabel(params.period)}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-slate-900">
        Сводные формы за {periodLabel(params.period)}, {scope.territory}
      </h1>
      <p className="mt-1 mb-4 text-sm text-slate-600">
        {contentNote(params.includeSubmitted)} В сводке организаций: {reports.length}
        {params.includeSubmitted ? `, из них на проверке: ${submitted}` : ""}.
      </p>
      <ConsolidatedFilters params={params} choices={scope.choices} current={current} />
      <div className="no-print mb-6 flex flex-wrap items-center gap-2 text-sm">
        <a href={api({ format: "xlsx" })} className={button}>
          Скачать XLSX (все формы)
        </a>
        {keys.map((k) => (
          <a key={k} href={api({ format: "csv" }, k)} className={button}>
            CSV: {SHORT_TITLES[k].toLowerCase()}
          </a>
        ))}
        <PrintButton />
      </div>
      {reports.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">
          За {periodLabel(params.period)} нет{" "}
          {params.includeSubmitted ? "принятых отчётов и отчётов на проверке" : "принятых отчётов"}.
          {!params.includeSubmitted &&
            " Чтобы увидеть отчёты, которые ещё проверяются, отметьте «включить отчёты на проверке»."}
        </p>
      ) : (
        keys.map((k) => {
          const layout = formLayout(k, reports);
          return (
            <ConsolidatedTable key={k} layout={layout} title={titleOf(k, params.period, scope.territory)} />
          );
        })
      )}
      {reports.length > 0 && params.form !== "form1" && (
        <p className="mt-2 text-xs text-slate-600">
          Организация, у которой нет программ в форме, показана строкой «нет программ».
        </p>
      )}
    </div>
  );
}
