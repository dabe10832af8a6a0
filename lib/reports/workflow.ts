/** Who may do what to a report in which state (spec/reporting.md, «Workflow»). Pure. */
import type { Role } from "@/lib/auth/roles";
import { rolesWith } from "@/lib/auth/rules";
import type { ReportStatus } from "./status";

export type ReportAction = "create" | "save" | "submit" | "approve" | "return" | "reopen";
/** "none" is an organisation with no report for the period yet. */
export type ReportState = ReportStatus | "none";

/** The roles come from the rules table: drafting is editing the organisation's data. */
const DRAFTING = rolesWith("editOrganisation");
const REVIEWING = rolesWith("reviewReports");

const RULES: Record<ReportAction, { roles: Role[]; from: ReportState[]; to: ReportStatus }> = {
  create: { roles: DRAFTING, from: ["none"], to: "draft" },
  save: { roles: DRAFTING, from: ["draft", "returned"], to: "draft" },
  submit: { roles: DRAFTING, from: ["draft", "returned"], to: "submitted" },
  approve: { roles: REVIEWING, from: ["submitted"], to: "approved" },
  return: { roles: REVIEWING, from: ["submitted"], to: "returned" },
  reopen: { roles: rolesWith("administerRegion"), from: ["approved"], to: "returned" },
};

export const ACTION_LABELS: Record<ReportAction, string> = {
  create: "начать отчёт",
  save: "сохранить",
  submit: "отправить на проверку",
  approve: "принять",
  return: "вернуть на доработку",
  reopen: "открыть повторно",
};

export function canPerform(role: Role, state: ReportState, action: ReportAction): boolean {
  const rule = RULES[action];
  return rule.roles.includes(role) && rule.from.includes(state);
}

/** The state after the action; a saved returned report stays returned until it is submitted again. */
export function nextState(state: ReportState, action: ReportAction): ReportStatus {
  if (action === "save" && state === "returned") return "returned";
  return RULES[action].to;
}

/** Whether the action needs a comment (returning and reopening say why). */
export function needsComment(action: ReportAction): boolean {
  return action === "return" || action === "reopen";
}

/** Why the action is refused, in Russian, for the message the user sees. */
export function refusal(role: Role, state: ReportState, action: ReportAction): string {
  if (!RULES[action].roles.includes(role)) return `Ваша роль не позволяет ${ACTION_LABELS[action]} отчёт.`;
  const states: Record<ReportState, string> = {
    none: "ещё не начат",
    draft: "в черновике",
    submitted: "на проверке",
    returned: "возвращён на доработку",
    approved: "принят и закрыт для изменений",
  };
  return `Нельзя ${ACTION_LABELS[action]}: отчёт ${states[state]}.`;
}
