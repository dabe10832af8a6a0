"use client";
import { Td } from "@/components/ui/table";

/** A record of the audit log as the page sends it: every text already worded on the server. */
export interface AuditLine {
  id: number;
  at: string;
  userName: string | null;
  userEmail: string | null;
  action: string;
  subject: string;
  place: string;
  changes: string[];
  /** Changed fields beyond those listed (the CSV has them all). */
  more: number;
}

/**
 * The audit log's rows, drawn in the browser from compact lines: as a server component each cell's markup went
 * to the browser twice (in the HTML and in the page's data).
 */
export function AuditRows({ lines }: { lines: AuditLine[] }) {
  return (
    <tbody>
      {lines.map((r) => (
        <tr key={r.id}>
          <Td className="whitespace-nowrap">{r.at}</Td>
          <Td>
            {r.userName ? (
              <span title={r.userEmail ?? ""}>{r.userName}</span>
            ) : (
              <span className="text-slate-500">система</span>
            )}
          </Td>
          <Td>{r.action}</Td>
          <Td>{r.subject}</Td>
          <Td>{r.place}</Td>
          <Td className="max-w-md text-xs break-words text-slate-700">
            {r.changes.length > 0 && (
              <ul className="space-y-0.5">
                {r.changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
                {r.more > 0 && <li className="text-slate-500">и ещё полей: {r.more} (в CSV)</li>}
              </ul>
            )}
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
