import { Table, Td, Th } from "@/components/ui/table";
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
  return (
    <Table caption="Изменение относительно прошлого квартала">
      <thead>
        <tr>
          <Th>Показатель</Th>
          <Th className="text-right">{previousLabel}</Th>
          <Th className="text-right">Сейчас</Th>
          <Th className="text-right">Изменение</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, now, before]) => {
          const d = now - before;
          return (
            <tr key={label}>
              <Td>{label}</Td>
              <Td className="text-right tabular-nums">{before}</Td>
              <Td className="text-right tabular-nums">{now}</Td>
              <Td
                className={`text-right tabular-nums ${d < 0 ? "text-red-700" : d > 0 ? "text-green-800" : "text-slate-500"}`}
              >
                {d > 0 ? `+${d}` : d}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
