"use client";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { formatPercent } from "@/lib/indicators/formulas";
import type { RegionCompleteness } from "@/lib/reports/by-region";

/**
 * The federal level's completeness of a period: every region's obliged organisations by the status of their
 * report, the country's total first; a region's name opens its completeness by municipality. A client
 * component: its 89 rows go to the browser as figures (props), not as their markup a second time in the RSC
 * payload.
 */
export function RegionCompletenessTable(props: {
  caption: string;
  total: RegionCompleteness;
  rows: RegionCompleteness[];
  /** A region's completeness by municipality, by region id. */
  hrefs: Record<number, string>;
}) {
  const n = formatNumber;
  const line = (r: RegionCompleteness, total: boolean) => (
    <tr key={r.id} className={total ? "font-semibold" : undefined}>
      <Th scope="row" className={total ? "bg-slate-50" : "bg-white font-normal"}>
        {total ? (
          r.name
        ) : (
          <Link href={props.hrefs[r.id]} className="text-brand-700 underline">
            {r.name}
          </Link>
        )}
      </Th>
      <Td className="text-right tabular-nums">{n(r.organisations)}</Td>
      <Td className="text-right tabular-nums">{n(r.approved)}</Td>
      <Td className="text-right tabular-nums">{n(r.submitted)}</Td>
      <Td className="text-right tabular-nums">{n(r.returned)}</Td>
      <Td className="text-right tabular-nums">{n(r.draft)}</Td>
      <Td className="text-right tabular-nums">{n(r.notStarted)}</Td>
      <Td className="text-right tabular-nums">{formatPercent(r.share)}</Td>
    </tr>
  );
  return (
    <Table caption={props.caption} region>
      <thead>
        <tr>
          <Th>Регион</Th>
          <Th className="text-right">Организаций</Th>
          <Th className="text-right">Принято</Th>
          <Th className="text-right">На проверке</Th>
          <Th className="text-right">Возвращено</Th>
          <Th className="text-right">Черновик</Th>
          <Th className="text-right">Не начат</Th>
          <Th className="text-right">Полнота сдачи</Th>
        </tr>
      </thead>
      <tbody>
        {line(props.total, true)}
        {props.rows.map((r) => line(r, false))}
      </tbody>
    </Table>
  );
}
