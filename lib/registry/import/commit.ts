import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, persons, programmes } from "@/db/schema";
import type { EditableOrg } from "@/lib/auth/scoped";
import type { Format } from "@/lib/reports/domain";
import type { Slot } from "./people";
import type { Plan } from "./plan";

/** Rows per INSERT: large enough for 10 000 rows in a few dozen statements, well under 65 535 parameters. */
const BATCH = 1000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** `column = the stored value unless it is empty, then the file's` for ON CONFLICT DO UPDATE. */
const keepOrFill = (stored: unknown, column: string) =>
  sql`case when ${stored} = '' then excluded.${sql.identifier(column)} else ${stored} end`;

/** A stored consent date stays; the file's fills a missing one. */
const keepDate = (stored: unknown) => sql`coalesce(${stored}, excluded.consent_date)`;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Writes the plan in the caller's transaction; `step` reports rows written so far. */
export async function writePlan(tx: Tx, org: EditableOrg, plan: Plan, step: (rows: number) => Promise<void>) {
  const organisationId = org.id;
  const now = new Date();
  const programmeIds = new Map<Format, number>();
  for (const [format, p] of plan.programmes) {
    if (p.id != null) {
      programmeIds.set(format, p.id);
      continue;
    }
    const [row] = await tx
      .insert(programmes)
      .values({ organisationId, title: p.title, format, startDate: p.startDate, stage: "implementation" })
      .returning({ id: programmes.id });
    programmeIds.set(format, row.id);
  }

  // INSERT … RETURNING gives the ids in the order of the VALUES list (PostgreSQL does so for a plain insert).
  const created: number[] = [];
  for (const batch of chunks(plan.newPersons)) {
    const rows = await tx
      .insert(persons)
      .values(batch.map((p) => ({ organisationId, ...p })))
      .returning({ id: persons.id });
    created.push(...rows.map((r) => r.id));
    await step(batch.length);
  }
  const id = (s: Slot) => ("existing" in s ? s.existing : created[s.created]);

  for (const batch of chunks([...plan.fills])) {
    const values = sql.join(
      batch.map(([pid, f]) => sql`(${pid}::int, ${f.birthYear ?? null}::int, ${f.workplace ?? ""}::text)`),
      sql`, `,
    );
    await tx.execute(sql`update ${persons} set
        birth_year = coalesce(${persons.birthYear}, v.birth_year),
        workplace = case when ${persons.workplace} = '' then v.workplace else ${persons.workplace} end,
        updated_at = now()
      from (values ${values}) as v(id, birth_year, workplace)
      where ${persons.id} = v.id and ${persons.organisationId} = ${organisationId}`);
    await step(batch.length);
  }

  const mentorFields = [
    "competencies",
    "achievements",
    "interests",
    "preferredMenteeAge",
    "timeAvailable",
  ] as const;
  for (const batch of chunks([...plan.mentorProfiles.values()])) {
    const set = Object.fromEntries(mentorFields.map((f) => [f, keepOrFill(mentorProfiles[f], snake(f))]));
    await tx
      .insert(mentorProfiles)
      .values(
        batch.map(({ slot, fields: { consentDate, ...fields } }) => ({
          personId: id(slot),
          ...fields,
          consentDate: consentDate ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: mentorProfiles.personId,
        set: { ...set, consentDate: keepDate(mentorProfiles.consentDate), updatedAt: now },
      });
    await step(batch.length);
  }
  for (const batch of chunks([...plan.menteeProfiles.values()])) {
    await tx
      .insert(menteeProfiles)
      .values(
        batch.map((p) => ({
          personId: id(p.slot),
          request: p.fields.request ?? "",
          consentDate: p.fields.consentDate ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: menteeProfiles.personId,
        set: {
          request: keepOrFill(menteeProfiles.request, "request"),
          consentDate: keepDate(menteeProfiles.consentDate),
          updatedAt: now,
        },
      });
    await step(batch.length);
  }

  for (const batch of chunks([...plan.pairs.values()])) {
    await tx
      .insert(mentorships)
      .values(
        batch.map(({ format, programmeId, mentor, mentee, existing: _e, ...fields }) => ({
          ...fields,
          organisationId,
          programmeId: programmeId ?? programmeIds.get(format)!,
          mentorId: id(mentor),
          menteeId: id(mentee),
        })),
      )
      .onConflictDoUpdate({
        target: [mentorships.programmeId, mentorships.mentorId, mentorships.menteeId, mentorships.entryDate],
        set: {
          endDate: sql`coalesce(${mentorships.endDate}, excluded.end_date)`,
          result: keepOrFill(mentorships.result, "result"),
          mentorReviewUrl: keepOrFill(mentorships.mentorReviewUrl, "mentor_review_url"),
          menteeReviewUrl: keepOrFill(mentorships.menteeReviewUrl, "mentee_review_url"),
          completed: sql`${mentorships.completed} or excluded.completed`,
          updatedAt: now,
        },
        // Only pairs of this organisation: a stray conflict elsewhere would be a bug, not a merge.
        setWhere: eq(mentorships.organisationId, organisationId),
      });
    await step(batch.length);
  }
  return { created: created.length };
}

/** How many rows `writePlan` writes, for the progress bar. */
export function planSize(plan: Plan): number {
  return (
    plan.newPersons.length +
    plan.fills.size +
    plan.mentorProfiles.size +
    plan.menteeProfiles.size +
    plan.pairs.size
  );
}
