/** Adding a row's pair to the plan: one pair per programme, mentor, mentee and entry date. Pure. */
import { formatDate } from "@/lib/format";
import { FORMAT_LABELS, type Format } from "@/lib/reports/domain";
import { slotKey, type Slot } from "./people";
import type { Plan, Snapshot } from "./plan";
import type { RegisterKind } from "./types";
import type { RowInput } from "./validate";

export interface PlannedPair {
  format: Format;
  /** The programme of the pair already in the register; otherwise the programme of the format. */
  programmeId: number | null;
  mentor: Slot;
  mentee: Slot;
  entryDate: string;
  endDate: string | null;
  result: string;
  mentorReviewUrl: string;
  menteeReviewUrl: string;
  completed: boolean;
  existing: boolean;
}

/** The programme of the pair when the register already has it (same format, mentor, mentee and entry date). */
export function registeredPairProgramme(
  snap: Snapshot,
  format: Format,
  mentor: Slot,
  mentee: Slot,
  entryDate: string,
): number | undefined {
  return "existing" in mentor && "existing" in mentee
    ? snap.pairs.get(`${format}|${mentor.existing}|${mentee.existing}|${entryDate}`)
    : undefined;
}

/**
 * The programme a new pair of the format goes to: the organisation's only programme of the format; with
 * several, the one made by an earlier import the same day; otherwise a new one (id null) to create.
 */
export function formatProgramme(
  plan: Plan,
  snap: Snapshot,
  format: Format,
  today: string,
): { id: number | null; title: string } {
  const planned = plan.programmes.get(format);
  if (planned) return planned;
  const same = snap.programmes.filter((x) => x.format === format);
  const title = `${FORMAT_LABELS[format]} (импорт ${formatDate(today)})`;
  const target = same.length === 1 ? same[0] : same.find((x) => x.title === title);
  return { id: target?.id ?? null, title };
}

/** The same pair twice (in the file, or already in the register) is one pair whose empty fields get filled. */
export function addPair(
  plan: Plan,
  snap: Snapshot,
  kind: RegisterKind,
  input: RowInput,
  format: Format,
  mentor: Slot,
  mentee: Slot,
  today: string,
) {
  const p = input.pair!;
  const key = `${format}|${slotKey(mentor)}|${slotKey(mentee)}|${p.entryDate}`;
  const existingProgramme = registeredPairProgramme(snap, format, mentor, mentee, p.entryDate);
  const review = kind === "mentees" ? "menteeReviewUrl" : "mentorReviewUrl";
  const pair = plan.pairs.get(key);
  if (pair) {
    pair.endDate ??= p.endDate;
    pair.result ||= p.result;
    pair[review] ||= p.reviewUrl;
    pair.completed ||= p.completed;
  } else {
    plan.pairs.set(key, {
      format,
      programmeId: existingProgramme ?? null,
      mentor,
      mentee,
      entryDate: p.entryDate,
      endDate: p.endDate,
      result: p.result,
      mentorReviewUrl: kind === "mentors" ? p.reviewUrl : "",
      menteeReviewUrl: kind === "mentees" ? p.reviewUrl : "",
      completed: p.completed,
      existing: existingProgramme !== undefined,
    });
  }
  if (existingProgramme !== undefined) return;
  const programme = plan.programmes.get(format);
  if (programme) {
    if (p.entryDate < programme.startDate) programme.startDate = p.entryDate;
    return;
  }
  const target = formatProgramme(plan, snap, format, today);
  plan.programmes.set(format, { id: target.id, title: target.title, startDate: p.entryDate });
}
