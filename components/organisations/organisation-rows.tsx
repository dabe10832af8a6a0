"use client";
import Link from "next/link";
import { Td } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";

/**
 * An organisation of the list as the page sends it: id, short name, kind, municipality (null: not shown),
 * learners 10–18, teaching staff. Drawn here so that the RSC payload carries the figures once, not every cell's
 * markup a second time beside the HTML.
 */
export type OrganisationRow = [
  id: number,
  shortName: string,
  kind: string,
  municipality: string | null,
  learners: number,
  staff: number,
];

export function OrganisationRows({ rows }: { rows: OrganisationRow[] }) {
  return (
    <tbody>
      {rows.map(([id, shortName, kind, municipality, learners, staff]) => (
        <tr key={id}>
          <Td>
            <Link href={`/orgs/${id}`} className="text-brand-700 hover:underline">
              {shortName}
            </Link>
          </Td>
          <Td className="text-slate-600">{kind}</Td>
          {municipality != null && <Td>{municipality}</Td>}
          <Td className="text-right tabular-nums">{formatNumber(learners)}</Td>
          <Td className="text-right tabular-nums">{formatNumber(staff)}</Td>
        </tr>
      ))}
    </tbody>
  );
}
