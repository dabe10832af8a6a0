import Link from "next/link";
import { formatValue } from "@/components/charts/format";
import { coverageText } from "@/lib/indicators/formulas";
import { coverageOf, type TableRow } from "@/lib/indicators/view";

const cell = "border border-slate-300 px-2 py-1.5";

/** Indicators × years, plan and fact side by side; a fact below plan is red, bold and marked «▼». */
export function IndicatorTable(props: { rows: TableRow[]; territory: string; query: string }) {
  const { rows } = props;
  const coverage = coverageOf(rows[0]);
  const regionPlanShown = rows.some((r) => r.cells.some((c) => c.planSource === "region"));
  return (
    <div className="indicator-table overflow-x-auto">
      <table className="min-w-full border-collapse bg-white text-sm">
        <caption className="mb-2 text-left text-base font-semibold text-slate-900">
          Показатели реализации Целевой модели наставничества: {props.territory}
        </caption>
        <thead className="bg-slate-100 text-slate-900">
          <tr>
            <th scope="col" rowSpan={2} className={`${cell} w-10`}>
              №
            </th>
            <th scope="col" rowSpan={2} className={`${cell} min-w-64 text-left`}>
              Наименование показателя
            </th>
            {coverage.map((c) => (
              <th key={c.year} scope="colgroup" colSpan={2} className={cell}>
                <span className="block">{c.year} г.</span>
                <span className="block text-xs font-normal text-slate-700">{coverageText(c)}</span>
              </th>
            ))}
          </tr>
          <tr>
            {coverage.map((c) => [
              <th key={`p${c.year}`} scope="col" className={`${cell} font-medium`}>
                план
              </th>,
              <th key={`f${c.year}`} scope="col" className={`${cell} font-medium`}>
                факт
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td className={`${cell} text-center`}>{r.number}</td>
              <th scope="row" className={`${cell} text-left font-normal`}>
                <Link
                  href={`/indicators/${r.code}${props.query}`}
                  className="text-brand-700 underline print:text-slate-900 print:no-underline"
                >
                  {r.label}
                </Link>
                {r.unit === "ед." && <span className="text-slate-600">, ед.</span>}
              </th>
              {r.cells.map((c) => [
                <td
                  key={`p${c.year}`}
                  className={`${cell} text-right whitespace-nowrap text-slate-700 tabular-nums`}
                >
                  {c.plan == null ? <span className="text-slate-500">—</span> : formatValue(c.plan, r.unit)}
                </td>,
                <td
                  key={`f${c.year}`}
                  className={`${cell} text-right whitespace-nowrap tabular-nums ${c.below ? "bg-red-50 font-semibold text-red-800" : "text-slate-900"}`}
                >
                  {c.below && (
                    <span aria-hidden="true" title="ниже плана">
                      ▼{" "}
                    </span>
                  )}
                  {c.below && <span className="sr-only">ниже плана: </span>}
                  {formatValue(c.fact, r.unit)}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-700">
        ▼ и красный цвет — факт ниже плана; «—» — план не задан; «нет данных» — нет принятых отчётов или
        знаменатель равен нулю. Факт считается по последнему принятому отчёту каждой организации за год; охват
        — организации с принятым отчётом из обязанных участвовать.
        {regionPlanShown &&
          " Где свой план муниципалитета не задан, для долей показан план региона; количество программ сравнивается только с планом, заданным для этой территории."}
      </p>
    </div>
  );
}
