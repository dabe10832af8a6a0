"use client";
import Link from "next/link";
import { StatusBadge } from "@/components/home/status-badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { PeriodStatusRow } from "@/lib/reports/queries";
import type { ReturnNote } from "@/lib/reports/returns";
import { ReturnNoteView } from "./return-note";

/**
 * Organisations with the status of their report for a period, each linked to the report. A client component:
 * the rows go to the browser once, as figures, not as their markup again in the page's RSC payload.
 */
export function StatusTable({
  rows,
  periodKey,
  caption,
  showMunicipality,
  zone,
  notes,
}: {
  rows: PeriodStatusRow[];
  /** Why returned reports came back, by organisation id (the period is the table's). */
  notes?: Map<number, ReturnNote>;
  /** The region's time zone, for the times shown. */
  zone: string;
  periodKey: string;
  caption: string;
  showMunicipality: boolean;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Организация</Th>
          {showMunicipality && <Th>Муниципалитет</Th>}
          <Th>Статус</Th>
          <Th>Изменён</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.organisationId}>
            <Td>
              <Link
                href={`/reports/${r.organisationId}/${periodKey}`}
                className="text-brand-700 hover:underline"
              >
                {r.shortName}
              </Link>
            </Td>
            {showMunicipality && <Td>{r.municipality}</Td>}
            <Td>
              <StatusBadge status={r.status} />
              {notes?.has(r.organisationId) && (
                <ReturnNoteView note={notes.get(r.organisationId)!} zone={zone} compact />
              )}
            </Td>
            <Td className="text-slate-600">{formatDateTime(r.updatedAt, zone)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
