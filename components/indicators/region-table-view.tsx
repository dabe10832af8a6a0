"use client";
import Link from "next/link";
import { formatValue } from "@/components/charts/format";
import { INDICATORS, displayCode } from "@/lib/indicators/definitions";
import { formatNumber } from "@/lib/format";

const cell = "border border-slate-300 px-2 py-1.5";

/** One cell as the server sends it: fact, plan, and 1 when the fact is below the plan. */
export type CompactCell = [fact: number | null, plan: number | null, below: 0 | 1];
/** A region (id 0: the country's total): its name, its reports (covered of total), its cells in INDICATORS' order. */
export type CompactLine = [id: number, name: string, covered: number, total: number, cells: CompactCell[]];

function Value({ c, unit }: { c: CompactCell; unit: "%" | "ед." }) {
  const [fact, plan, below] = c;
  return (
    <>
      <span className={below ? "font-semibold text-red-800" : "text-slate-900"}>
        {below ? <span aria-hidden="true">▼ </span> : null}
        {below ? <span className="sr-only">ниже плана: </span> : null}
        {formatValue(fact, unit)}
      </span>
      <span className="block text-xs text-slate-600">
        план {plan == null ? "—" : formatValue(plan, unit)}
      </span>
    </>
  );
}

/**
 * The federal table's markup, drawn from compact lines (components/indicators/region-table.tsx): 89 regions × 9
 * indicators as server components put every cell's markup into the page's RSC payload too (≈ 450 KB on the
 * national set); as a client component's props the whole page's payload is ≈ 80 KB.
 */
export function RegionTableView(props: {
  year: number;
  total: CompactLine;
  regions: CompactLine[];
  /** A region's own table, by region id. */
  hrefs: Record<number, string>;
}) {
  const row = ([id, name, covered, totalReports, cells]: CompactLine, total: boolean) => {
    return (
      <tr key={id} className={total ? "bg-slate-50 font-semibold" : undefined}>
        <th scope="row" className={`${cell} min-w-56 text-left ${total ? "" : "font-normal"}`}>
          {total ? (
            name
          ) : (
            <Link href={props.hrefs[id]} className="text-brand-700 underline">
              {name}
            </Link>
          )}
          <span className="block text-xs font-normal text-slate-600 tabular-nums">
            отчёты {formatNumber(covered)} из {formatNumber(totalReports)}
          </span>
        </th>
        {INDICATORS.map((d, i) => (
          <td key={d.code} className={`${cell} text-right whitespace-nowrap tabular-nums`}>
            <Value c={cells[i]} unit={d.unit} />
          </td>
        ))}
      </tr>
    );
  };
  return (
    <div
      className="overflow-x-auto"
      tabIndex={0}
      role="region"
      aria-label={`Показатели по регионам, ${props.year}`}
    >
      <table className="min-w-full border-collapse bg-white text-sm">
        <caption className="mb-2 text-left text-base font-semibold text-slate-900">
          Показатели по регионам, {props.year} год: факт и план
        </caption>
        <thead className="bg-slate-100 text-slate-900">
          <tr>
            <th scope="col" className={`${cell} text-left`}>
              Регион
            </th>
            {INDICATORS.map((d) => (
              <th key={d.code} scope="col" className={`${cell} font-medium`} title={d.label}>
                <span className="block">{displayCode(d.code)}</span>
                <span className="block text-xs font-normal text-slate-700">{d.short}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row(props.total, true)}
          {props.regions.map((r) => row(r, false))}
        </tbody>
      </table>
      <p className="mt-2 max-w-4xl text-xs text-slate-700">
        ▼ и красный цвет — факт ниже плана региона. План страны у долей — планы регионов, взвешенные по
        знаменателю показателя (обучающиеся, педагоги, молодые специалисты, обязанные организации), там, где
        регион план задал; у количества программ плана страны нет.
      </p>
    </div>
  );
}
