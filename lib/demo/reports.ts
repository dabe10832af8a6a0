/**
 * Report statuses and their history. Past quarters: approved (a few after a return). The latest quarter
 * whose deadline has passed: mostly approved, a few overdue. The current quarter: every status.
 */
import { defaultDeadline, previousPeriod, quarterEnd, quarterStart, type Period } from "@/lib/reports/domain";
import { addDays, dayNum, timeOn } from "./dates";
import type { ComputedReport } from "./forms";
import type { Rng } from "./random";
import type { Ids, PeriodRow, ReportRowDb, TransitionRow } from "./rows";
import type { OrgPlan } from "./territory";

export type Planned = "approved" | "submitted" | "returned" | "draft" | "none";
type Phase = "settled" | "overdue" | "between" | "current";

export interface Calendar {
  current: Period;
  /** The latest quarter whose deadline has passed: its unsent reports are overdue. */
  overdue: Period | null;
  /** The previous quarter while its deadline has not passed yet (the first ten days of a quarter). */
  between: Period | null;
}

const key = (p: Period) => p.year * 10 + p.quarter;

export function calendar(current: Period, today: string, first: number): Calendar {
  const prev = previousPeriod(current);
  const valid = (p: Period) => p.year >= first;
  if (today > defaultDeadline(prev)) return { current, overdue: valid(prev) ? prev : null, between: null };
  const before = previousPeriod(prev);
  return { current, overdue: valid(before) ? before : null, between: valid(prev) ? prev : null };
}

/** The demo region's periods: every quarter generated, open, with the default deadline. */
export function periodRows(regionId: number, periods: Period[]): PeriodRow[] {
  return periods.map((p) => ({
    regionId,
    year: p.year,
    quarter: p.quarter,
    deadline: defaultDeadline(p),
    open: true,
  }));
}

function phaseOf(p: Period, cal: Calendar): Phase {
  if (key(p) === key(cal.current)) return "current";
  if (cal.between && key(p) === key(cal.between)) return "between";
  if (cal.overdue && key(p) === key(cal.overdue)) return "overdue";
  return "settled";
}

const WEIGHTS: Record<Exclude<Phase, "settled">, [Planned, number][]> = {
  overdue: [
    ["approved", 86],
    ["submitted", 4],
    ["returned", 2],
    ["draft", 5],
    ["none", 3],
  ],
  between: [
    ["approved", 45],
    ["submitted", 30],
    ["returned", 5],
    ["draft", 12],
    ["none", 8],
  ],
  current: [
    ["approved", 15],
    ["submitted", 22],
    ["returned", 8],
    ["draft", 33],
    ["none", 22],
  ],
};

/** Status of every organisation in the three live quarters; the big city district holds every status. */
export function planStatuses(
  rng: Rng,
  orgs: OrgPlan[],
  cal: Calendar,
  curatorOrgId: number,
): Map<string, Planned> {
  const out = new Map<string, Planned>();
  for (const phase of ["overdue", "between", "current"] as const) {
    const period = cal[phase];
    if (!period) continue;
    for (const org of orgs) {
      const weights = WEIGHTS[phase].map(
        ([s, w]) => [s, org.lagging && (s === "draft" || s === "none") ? w * 3 : w] as [Planned, number],
      );
      out.set(`${org.id}:${key(period)}`, rng.weighted(weights));
    }
    const city = rng.shuffle(orgs.filter((o) => o.muni.kind === "city_district" && o.id !== curatorOrgId));
    const wanted: Planned[] =
      phase === "current"
        ? ["approved", "submitted", "returned", "none"]
        : phase === "overdue"
          ? ["draft", "none"]
          : [];
    if (phase === "current") out.set(`${curatorOrgId}:${key(period)}`, "draft");
    wanted.forEach((status, i) => {
      const has = city.some((o) => out.get(`${o.id}:${key(period)}`) === status);
      if (!has && city[i]) out.set(`${city[i].id}:${key(period)}`, status);
    });
  }
  return out;
}

const RETURN_COMMENTS = [
  "Количество молодых специалистов в форме 1 не совпадает с данными тарификации. Уточните, пожалуйста.",
  "В форме 3 не указаны результаты программы. Дополните графу «Результат».",
  "Не указан приказ о закреплении наставнических пар на текущий учебный год. Проверьте реестр документов.",
  "Численность обучающихся 10–18 лет расходится с отчётом ОО-1 более чем на 20 %. Проверьте форму 1.",
  "Укажите ФИО куратора полностью и контактный телефон.",
  "В форме 5 не заполнены место работы и должность наставников от предприятий.",
];

export interface Actors {
  curatorUserId: number | null;
  curatorOrgId: number;
  coordinatorOf: (org: OrgPlan) => number | null;
}

type Step = { to: Planned; comment?: string };

export function buildReports(
  rng: Rng,
  org: OrgPlan,
  computed: ComputedReport[],
  cal: Calendar,
  statuses: Map<string, Planned>,
  now: Date,
  ids: Ids,
  actors: Actors,
): { reports: ReportRowDb[]; transitions: TransitionRow[] } {
  const reports: ReportRowDb[] = [];
  const transitions: TransitionRow[] = [];
  const curatorId = org.id === actors.curatorOrgId ? actors.curatorUserId : null;
  const coordinatorId = actors.coordinatorOf(org);
  for (const c of computed) {
    const phase = phaseOf(c.period, cal);
    const status: Planned =
      phase === "settled" ? "approved" : (statuses.get(`${org.id}:${key(c.period)}`) ?? "approved");
    if (status === "none") continue;
    const steps: Step[] = [{ to: "draft" }];
    if (status === "returned")
      steps.push({ to: "submitted" }, { to: "returned", comment: rng.pick(RETURN_COMMENTS) });
    else if (status !== "draft") {
      steps.push({ to: "submitted" });
      if (rng.chance(phase === "settled" ? 0.06 : 0.2))
        steps.push({ to: "returned", comment: rng.pick(RETURN_COMMENTS) }, { to: "submitted" });
      if (status === "approved") steps.push({ to: "approved" });
    }
    const times = timeline(rng, c.period, phase, steps, now);
    const id = ids.next("reports");
    let submittedAt: Date | null = null;
    let approvedAt: Date | null = null;
    steps.forEach((step, i) => {
      const by = step.to === "draft" || step.to === "submitted" ? "curator" : "coordinator";
      transitions.push({
        id: ids.next("report_transitions"),
        reportId: id,
        fromStatus: i === 0 ? null : (steps[i - 1].to as TransitionRow["toStatus"]),
        toStatus: step.to as TransitionRow["toStatus"],
        userId: by === "curator" ? curatorId : coordinatorId,
        userRole: by,
        comment: step.comment ?? "",
        at: times[i],
      });
      if (step.to === "submitted") submittedAt = times[i];
      if (step.to === "approved") approvedAt = times[i];
    });
    const edits = status === "draft" || status === "returned" ? rng.int(0, 4) : 0;
    reports.push({
      id,
      organisationId: org.id,
      year: c.period.year,
      quarter: c.period.quarter,
      status: status as ReportRowDb["status"] & string,
      mode: "register",
      version: steps.length + edits,
      form1: c.form1,
      forms: c.forms,
      summary: c.summary,
      documentsComplete: c.documentsComplete,
      warningsAcknowledged: status === "submitted" || status === "approved",
      submittedAt: status === "draft" || status === "returned" ? null : submittedAt,
      approvedAt,
      updatedById: curatorId,
      createdAt: times[0],
      updatedAt: times[times.length - 1],
    });
  }
  return { reports, transitions };
}

/** Increasing moments of the steps, never after `now`. */
function timeline(rng: Rng, period: Period, phase: Phase, steps: Step[], now: Date): Date[] {
  const deadline = defaultDeadline(period);
  const times: Date[] = [];
  let day =
    phase === "current"
      ? addDays(quarterStart(period), rng.int(0, 20))
      : addDays(quarterEnd(period), -rng.int(0, 15));
  for (const [i, step] of steps.entries()) {
    if (i === 1 && step.to === "submitted" && (phase === "settled" || phase === "overdue"))
      day = rng.chance(0.95) ? addDays(deadline, -rng.int(0, 9)) : addDays(deadline, rng.int(1, 12));
    else if (i > 0) day = addDays(day, rng.int(1, 6));
    const t = timeOn(rng, day);
    times.push(i > 0 && t <= times[i - 1] ? new Date(times[i - 1].getTime() + 3_600_000) : t);
  }
  const first = times[0].getTime();
  const last = times[times.length - 1].getTime();
  const limit = now.getTime() - 60_000;
  if (last <= limit) return times;
  // Squeeze the history into the time that has passed, starting no earlier than the quarter.
  const from = Math.min(
    limit - steps.length,
    Math.max(dayNum(quarterStart(period)) * 86_400_000, Math.min(first, limit - 20 * 86_400_000)),
  );
  const span = Math.max(1, last - first);
  return times.map(
    (t, i) => new Date(Math.round(from + ((t.getTime() - first) * (limit - from - steps.length)) / span) + i),
  );
}
