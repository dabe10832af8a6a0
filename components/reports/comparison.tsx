import type { Form1, ReportSummary } from "@/lib/reports/types";
import { FORM1_COUNT_LABELS, SUMMARY_LABELS } from "@/lib/reports/validation";

type Side = { form1: Form1; summary: ReportSummary };

/** This quarter's figures next to the previous quarter's, with the change. */
export function Comparison({
  current,
  previous,
  previousLabel,
}: {
  current: Side;
  previous: Side | null;
  /** The previous quarter, short: «III кв. 2026». */
  previousLabel: string;
}) {
  if (!previous)
    return <p className="text-sm text-slate-600">Отчёта за прошлый квартал нет — сравнивать не с чем.</p>;
  const rows: [string, number, number][] = [
    ...Object.entries(FORM1_COUNT_LABELS).map(
      ([k, l]) =>
        [
          l,
          current.form1[k as keyof typeof FORM1_COUNT_LABELS],
          previous.form1[k as keyof typeof FORM1_COUNT_LABELS],
        ] as [string, number, number],
    ),
    ...Object.entries(SUMMARY_LABELS).map(
      ([k, l]) =>
        [l, current.summary[k as keyof ReportSummary], previous.summary[k as keyof ReportSummary]] as [
          string,
          number,
          number,
        ],
    ),
  ];
  // The panel is a third of the page: narrow cells, short headings, the figures never cut.
  const th = "border-b border-slate-200 bg-slate-50 px-1.5 py-2 font-semibold text-slate-700";
  const td = "border-b border-slate-100 px-1.5 py-1.5 align-top";
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">Изменение относительно прошлого квартала</caption>
      <thead>
        <tr>
          <th scope="col" className={`${th} text-left`}>
            Показатель
          </th>
          <th scope="col" className={`${th} text-right`}>
            {previousLabel}
          </th>
          <th scope="col" className={`${th} text-right`}>
            Сейчас
          </th>
          <th scope="col" className={`${th} text-right`}>
            <span aria-hidden="true">±</span>
            <span className="sr-only">Изменение</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, now, before]) => {
          const d = now - before;
          return (
            <tr key={label}>
              <th scope="row" className={`${td} text-left font-normal text-slate-800`}>
                {label}
              </th>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{before}</td>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{now}</td>
              <td
                className={`${td} text-right whitespace-nowrap tabular-nums ${d < 0 ? "text-red-700" : d > 0 ? "text-green-800" : "text-slate-500"}`}
              >
                {d > 0 ? `+${d}` : d < 0 ? `−${-d}` : "0"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
