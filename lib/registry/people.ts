import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { SelectResult } from "drizzle-orm/query-builders/select.types";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { menteeProfiles, mentorProfiles, persons } from "@/db/schema";
import type { RegisterOrg } from "@/lib/auth/scoped";

/** A person is always there; either questionnaire may be missing. */
type Joined = { persons: "not-null"; mentor_profiles: "nullable"; mentee_profiles: "nullable" };

/**
 * The organisation's persons in the register (archived ones stay out) beside their mentor and mentee
 * questionnaires, if any: the columns asked for, of everyone or of the ids in `only`.
 */
export async function registerPeople<T extends SelectedFields>(
  db: DbOrTx,
  org: RegisterOrg,
  columns: T,
  only?: number[],
): Promise<SelectResult<T, "partial", Joined>[]> {
  // The query is typed for any columns by the result above; drizzle cannot follow joins on a generic selection.
  const rows = await db
    .select(columns as SelectedFields)
    .from(persons)
    .leftJoin(mentorProfiles, eq(mentorProfiles.personId, persons.id))
    .leftJoin(menteeProfiles, eq(menteeProfiles.personId, persons.id))
    .where(
      and(
        eq(persons.organisationId, org.id),
        eq(persons.archived, false),
        only ? inArray(persons.id, only) : undefined,
      ),
    );
  return rows as SelectResult<T, "partial", Joined>[];
}
