/** The status a coordinator sees for an organisation in a period (spec/reporting.md, «Workflow»). Pure. */
import type { Tone } from "@/lib/tone";
import type { DisplayStatus, ReportStatus } from "@/lib/vocabulary";

export { STATUS_LABELS, type DisplayStatus, type ReportStatus } from "@/lib/vocabulary";

export const STATUS_TONES: Record<DisplayStatus, Tone> = {
  not_started: "grey",
  draft: "blue",
  submitted: "amber",
  returned: "red",
  approved: "green",
  overdue: "red",
};

/** A report not submitted (none, draft or returned) after its deadline is overdue. */
export function displayStatus(status: ReportStatus | null, deadline: string, today: string): DisplayStatus {
  const unsent = status == null || status === "draft" || status === "returned";
  if (unsent && today > deadline) return "overdue";
  return status ?? "not_started";
}

/** Share of reports in the hands of the coordinator or approved. */
export function completeness(statuses: DisplayStatus[]): number | null {
  const done = statuses.filter((s) => (DONE_STATUSES as readonly DisplayStatus[]).includes(s)).length;
  return completenessShare(done, statuses.length);
}

/** The statuses that count as handed in. */
export const DONE_STATUSES: ReportStatus[] = ["submitted", "approved"];

/**
 * The percent of organisations that handed in, unrounded (4 of 7 is 57,14… and reads «57,1 %», never a rounded
 * 57 printed as «57,0 %»); null without organisations.
 */
export function completenessShare(done: number, organisations: number): number | null {
  return organisations ? (done / organisations) * 100 : null;
}
