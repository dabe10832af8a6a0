/** Who may do what to a report in which state (spec/reporting.md, «Workflow»). Pure. */
import type { Role } from "@/lib/auth/roles";
import { rolesWith } from "@/lib/auth/rules";
import { periodLabel, type Period } from "./domain";
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

/**
 * The curator's drafting — starting, saving, submitting — needs the period open in the organisation's region.
 * The coordinator's review (approve, return) and the admin's reopening go on in a closed period: checking
 * what was handed in continues after the deadline, and closing a period stops new work, not the review.
 */
export const NEEDS_OPEN_PERIOD: readonly ReportAction[] = ["create", "save", "submit"];

/** Why the action is refused in the period as the region has it, or null when the period allows it. */
export function periodRefusal(
  action: ReportAction,
  period: Period,
  state: { opened: boolean; open: boolean },
): string | null {
  if (!NEEDS_OPEN_PERIOD.includes(action) || (state.opened && state.open)) return null;
  const label = periodLabel(period);
  return state.opened
    ? `Нельзя ${ACTION_LABELS[action]}: приём отчётов за ${label} закрыт. Если отчёт нужно изменить, обратитесь к администратору региона.`
    : `Нельзя ${ACTION_LABELS[action]}: приём отчётов за ${label} не открыт. Отчётные периоды открывает администратор региона.`;
}

/** Whether the region accepts reports of a period: open, closed by its admin, or never opened. */
export type PeriodIntake = "open" | "closed" | "not_opened";

export function intakeOf(state: { opened: boolean; open: boolean }): PeriodIntake {
  return state.open ? "open" : state.opened ? "closed" : "not_opened";
}
