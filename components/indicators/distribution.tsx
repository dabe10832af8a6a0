import Link from "next/link";
import { formatValue, type ChartUnit } from "@/components/charts/format";
import { formatNumber } from "@/lib/format";
import { coverageText } from "@/lib/indicators/formulas";
import type { Distribution, Ranked } from "@/lib/indicators/national";
import type { BarItem } from "@/lib/indicators/view";

const cell = "border-b border-slate-200 px-2 py-1";
const W = 640;
const H = 160;

/**
 * Many units (2 340 municipalities, 1 500 organisations) as their distribution, not a bar each: the sorted
 * values as one curve with the quartiles and the target, the first and the last ten, and a search (a GET form,
 * works without JavaScript) that finds one unit with its place.
 */
export function DistributionView(props: {
  spread: Distribution<BarItem>;
  search: { query: string; total: number; found: Ranked<BarItem>[] } | null;
  unit: ChartUnit;
  target: number | null;
  /** «Муниципалитет», «Организация». */
  childLabel: string;
  /** «Муниципалитеты», «Организации». */
  manyLabel: string;
  /** The page (path) and the parameters the search keeps. */
  action: string;
  keep: Record<string, string | number | null | undefined>;
}) {
  const { spread: d, unit, target, childLabel } = props;
  const q = d.quartiles;
  const fmt = (v: number) => formatValue(v, unit);
  return (
    <div className="grid gap-4">
      <p className="text-slate-800">
        {formatNumber(d.count)} — слишком много для столбца каждому: показано распределение. Данные есть у{" "}
        {formatNumber(d.withData)}
        {target != null && (
          <>
            , ниже плана ({fmt(target)}) — {formatNumber(d.below)}
          </>
        )}
        .
      </p>
      {q && (
        <figure className="rounded-lg border border-slate-200 bg-white p-4">
          <Curve values={d.values} unit={unit} target={target} quartiles={q} />
          <figcaption className="mt-2 text-sm text-slate-700">
            Значения по убыванию, слева направо; пунктир — квартили, сплошная линия — план.
          </figcaption>
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
            {(
              [
                ["Максимум", q.max],
                ["Верхний квартиль", q.q3],
                ["Медиана", q.median],
                ["Нижний квартиль", q.q1],
                ["Минимум", q.min],
              ] as const
            ).map(([label, v]) => (
              <div key={label} className="rounded-md bg-slate-50 px-2 py-1">
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-semibold text-slate-900 tabular-nums">{fmt(v)}</dd>
              </div>
            ))}
          </dl>
        </figure>
      )}
      <form method="get" action={props.action} role="search" className="flex flex-wrap items-end gap-2">
        {Object.entries(props.keep).map(([k, v]) =>
          v == null || v === "" ? null : <input key={k} type="hidden" name={k} value={v} />,
        )}
        <label className="text-sm font-medium text-slate-800">
          Найти: {childLabel.toLowerCase()}
          <input
            type="search"
            name="find"
            defaultValue={props.search?.query ?? ""}
            maxLength={100}
            placeholder="часть названия"
            className="mt-1 block w-72 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
          />
        </label>
        <button
          type="submit"
          className="bg-brand-700 hover:bg-brand-800 rounded-md px-4 py-2 text-sm font-semibold text-white"
        >
          Найти
        </button>
      </form>
      {props.search && (
        <RankTable
          title={
            props.search.total === 0
              ? `По запросу «${props.search.query}» ничего не найдено`
              : `Найдено: ${formatNumber(props.search.total)}${props.search.total > props.search.found.length ? `, показаны первые ${props.search.found.length}` : ""}`
          }
          rows={props.search.found}
          unit={unit}
          childLabel={childLabel}
          of={d.withData}
        />
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <RankTable
          title={`Первые ${d.top.length}`}
          rows={d.top}
          unit={unit}
          childLabel={childLabel}
          of={d.withData}
        />
        <RankTable
          title={`Последние ${d.bottom.length}`}
          rows={d.bottom}
          unit={unit}
          childLabel={childLabel}
          of={d.withData}
        />
      </div>
    </div>
  );
}

function RankTable(props: {
  title: string;
  rows: Ranked<BarItem>[];
  unit: ChartUnit;
  childLabel: string;
  of: number;
}) {
  const { unit } = props;
  const scale = unit === "%" ? 100 : Math.max(1, ...props.rows.map((r) => r.item.value ?? 0));
  return (
    <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3">
      <h3 className="mb-2 font-semibold text-slate-900">{props.title}</h3>
      {props.rows.length > 0 && (
        <table className="min-w-full border-collapse text-sm">
          <thead>
            <tr className="text-left text-slate-700">
              <th scope="col" className={cell}>
                Место
              </th>
              <th scope="col" className={cell}>
                {props.childLabel}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Факт
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map(({ rank, item }) => (
              <tr key={item.id}>
                <td className={`${cell} text-slate-700 tabular-nums`}>
                  {rank == null ? "—" : `${formatNumber(rank)} из ${formatNumber(props.of)}`}
                </td>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {item.href ? (
                    <Link href={item.href} className="text-brand-700 underline">
                      {item.name}
                    </Link>
                  ) : (
                    item.name
                  )}
                  <span className="block text-xs text-slate-600">{coverageText(item)}</span>
                </th>
                <td
                  className={`${cell} min-w-36 text-right tabular-nums ${item.below ? "font-semibold text-red-800" : "text-slate-900"}`}
                >
                  {item.below && <span className="sr-only">ниже плана: </span>}
                  {item.below && <span aria-hidden="true">▼ </span>}
                  {formatValue(item.value, unit)}
                  {item.value != null && (
                    <span aria-hidden="true" className="mt-0.5 block h-1.5 rounded bg-slate-100">
                      <span
                        className={`block h-1.5 rounded ${item.below ? "bg-red-700" : "bg-brand-700"}`}
                        style={{ width: `${Math.min(100, (item.value / scale) * 100)}%` }}
                      />
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The sorted values as one filled curve (an SVG drawn on the server: no script, any number of units). */
function Curve(props: {
  values: number[];
  unit: ChartUnit;
  target: number | null;
  quartiles: { q1: number; median: number; q3: number };
}) {
  const { values, unit, target } = props;
  const top = unit === "%" ? 100 : Math.max(1, target ?? 0, ...values) * 1.1;
  const x = (i: number) => (values.length <= 1 ? W / 2 : (i / (values.length - 1)) * W);
  const y = (v: number) => H - (Math.max(0, v) / top) * H;
  // At most ~600 points: more do not fit the width and only weigh the page.
  const step = Math.max(1, Math.ceil(values.length / 600));
  const at: number[] = [];
  for (let i = 0; i < values.length; i += step) at.push(i);
  if (at.at(-1) !== values.length - 1) at.push(values.length - 1);
  const path = at.map((i, k) => `${k ? "L" : "M"}${x(i).toFixed(1)},${y(values[i]).toFixed(1)}`);
  const area = `${path.join(" ")} L${W},${H} L0,${H} Z`;
  const guide = (v: number, dashed: boolean, label: string, color: string) => (
    <g key={label}>
      <line
        x1={0}
        x2={W}
        y1={y(v)}
        y2={y(v)}
        stroke={color}
        strokeWidth={1.5}
        strokeDasharray={dashed ? "4 4" : undefined}
      />
      <text x={W - 4} y={y(v) - 3} textAnchor="end" fontSize={11} fill={color}>
        {label} {formatValue(v, unit)}
      </text>
    </g>
  );
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="h-auto w-full max-w-3xl"
      role="img"
      aria-label={`Распределение значений: медиана ${formatValue(props.quartiles.median, unit)}${target != null ? `, план ${formatValue(target, unit)}` : ""}`}
    >
      <path d={area} fill="#dbe7f8" stroke="#1f5fbf" strokeWidth={1.5} />
      {guide(props.quartiles.q3, true, "Q3", "#475569")}
      {guide(props.quartiles.median, true, "медиана", "#0f172a")}
      {guide(props.quartiles.q1, true, "Q1", "#475569")}
      {target != null && guide(target, false, "план", "#92400e")}
    </svg>
  );
}
