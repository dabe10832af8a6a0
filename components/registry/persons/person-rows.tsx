"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Td } from "@/components/ui/table";

/**
 * A register row as the page sends it: id, full name, archived, category (with the class), birth year, mentor,
 * mentee, active pairs. The rows are drawn here, in a client component, so that the page's RSC payload carries
 * these figures once instead of every cell's markup a second time beside the HTML (about a quarter of the list
 * page's server CPU).
 */
export type PersonRow = [
  id: number,
  fullName: string,
  archived: boolean,
  category: string,
  birthYear: number | null,
  mentor: boolean,
  mentee: boolean,
  activePairs: number,
];

/** `suffix`: what each card's address ends with («?org=5» when an organisation is picked, or nothing). */
export function PersonRows({ rows, suffix }: { rows: PersonRow[]; suffix: string }) {
  return (
    <tbody>
      {rows.map(([id, fullName, archived, category, birthYear, mentor, mentee, activePairs]) => (
        <tr key={id}>
          <Td>
            <Link href={`/registry/persons/${id}${suffix}`} className="text-brand-700 hover:underline">
              {fullName}
            </Link>
            {archived && <span className="ml-2 text-xs text-slate-500">(в архиве)</span>}
          </Td>
          <Td>{category}</Td>
          <Td className="text-right tabular-nums">{birthYear ?? "—"}</Td>
          <Td>
            <span className="flex flex-wrap gap-1">
              {mentor && <Badge tone="blue">наставник</Badge>}
              {mentee && <Badge tone="green">наставляемый</Badge>}
            </span>
          </Td>
          <Td className="text-right tabular-nums">{activePairs}</Td>
        </tr>
      ))}
    </tbody>
  );
}
