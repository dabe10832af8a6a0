import Link from "next/link";
import { formatValue } from "@/components/charts/format";
import type { RegionLine } from "@/lib/indicators/by-region";
import { INDICATORS, displayCode } from "@/lib/indicators/definitions";
import { formatNumber } from "@/lib/format";
import type { TableCell } from "@/lib/indicators/view";

const cell = "border border-slate-300 px-2 py-1.5";

function Value({ c, unit }: { c: TableCell; unit: "%" | "ед." }) {
  return (
    <>
      <span className={c.below ? "font-semibold text-red-800" : "text-slate-900"}>
        {c.below && <span aria-hidden="true">▼ </span>}
        {c.below && <span className="sr-only">ниже плана: </span>}
        {formatValue(c.fact, unit)}
      </span>
      <span className="block text-xs text-slate-600">
        план {c.plan == null ? "—" : formatValue(c.plan, unit)}
      </span>
    </>
  );
}

/**
 * The federal level's table: the country's total and every region × indicators 1–7, Н1, Н2 for a year, fact
 * against plan; a region's name opens its own table (the drill-down region → municipality → organisation).
 */
export function RegionTable(props: {
  year: number;
  total: RegionLine;
  regions: RegionLine[];
  href: (regionId: number) => string;
}) {
  const row = (r: RegionLine, total: boolean) => {
    const any = r.cells.N1;
    return (
      <tr key={r.id} className={total ? "bg-slate-50 font-semibold" : undefined}>
        <th scope="row" className={`${cell} min-w-56 text-left ${total ? "" : "font-normal"}`}>
          {total ? (
            r.name
          ) : (
            <Link href={props.href(r.id)} className="text-brand-700 underline">
              {r.name}
            </Link>
          )}
          <span className="block text-xs font-normal text-slate-600 tabular-nums">
            отчёты {formatNumber(any.covered)} из {formatNumber(any.total)}
          </span>
        </th>
        {INDICATORS.map((d) => (
          <td key={d.code} className={`${cell} text-right whitespace-nowrap tabular-nums`}>
            <Value c={r.cells[d.code]} unit={d.unit} />
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
