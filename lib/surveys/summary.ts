/**
 * Before vs after, per question, for a group of responses: averages of scale questions, the share of «да» of
 * yes/no questions. A stage with fewer than 5 answers shows «менее 5» and no figure. Pure.
 */
import { SMALL_COUNT, peopleCount } from "@/lib/public/privacy";
import type { SurveyQuestion, SurveyStage } from "./questions";
import { scaleMax } from "./questions";

/** Groups (and questions) answered by fewer people than this show «менее 5», never a figure. */
export const MIN_GROUP = SMALL_COUNT;
export const FEW = "менее 5";

/** One question's aggregate in one stage, as the database gives it. */
export interface QuestionAggregate {
  question: string;
  stage: SurveyStage;
  /** How many answered it. */
  n: number;
  /** Average of the numeric answers (scales), or null. */
  mean: number | null;
  /** «Да» answers among `bools` yes/no answers. */
  yes: number;
  bools: number;
}

export interface SummaryCell {
  /** The figure (an average 1–10, a share 0–100 %), or null when hidden or absent. */
  value: number | null;
  /** What the table shows: «7,4», «62 %», «менее 5» or «—». */
  text: string;
  n: number;
}

export interface SummaryRow {
  id: string;
  text: string;
  kind: "scale" | "share";
  /** For scales: the largest answer (5 or 10). */
  max: number | null;
  before: SummaryCell;
  after: SummaryCell;
  /** After minus before, when both are shown. */
  change: string;
}

const one = new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 });

function cell(a: QuestionAggregate | undefined, kind: "scale" | "share"): SummaryCell {
  if (!a || a.n === 0) return { value: null, text: "—", n: 0 };
  const n = kind === "scale" ? a.n : a.bools;
  if (n < MIN_GROUP) return { value: null, text: FEW, n };
  if (kind === "scale") {
    if (a.mean === null) return { value: null, text: "—", n };
    const value = Math.round(a.mean * 10) / 10;
    return { value, text: one.format(value), n };
  }
  const value = Math.round((a.yes / a.bools) * 1000) / 10;
  return { value, text: `${whole.format(value)} %`, n };
}

function change(before: SummaryCell, after: SummaryCell, kind: "scale" | "share"): string {
  if (before.value === null || after.value === null) return "—";
  const d = Math.round((after.value - before.value) * 10) / 10;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "";
  const abs = Math.abs(d);
  return kind === "scale" ? `${sign}${one.format(abs)}` : `${sign}${whole.format(abs)} п. п.`;
}

/** The rows of the table and the chart, in the current version's order (free-text questions are not counted). */
export function summarise(questions: SurveyQuestion[], aggregates: QuestionAggregate[]): SummaryRow[] {
  const find = (id: string, stage: SurveyStage) =>
    aggregates.find((a) => a.question === id && a.stage === stage);
  return questions
    .filter((q) => q.type !== "text" && q.type !== "choice")
    .map((q) => {
      const kind = q.type === "yesno" ? ("share" as const) : ("scale" as const);
      const before = cell(find(q.id, "before"), kind);
      const after = cell(find(q.id, "after"), kind);
      return {
        id: q.id,
        text: q.text,
        kind,
        max: scaleMax(q.type),
        before,
        after,
        change: change(before, after, kind),
      };
    });
}

/** A count of responses as a table shows it: «менее 5» below the threshold, as on the public pages. */
export const countText = peopleCount;
