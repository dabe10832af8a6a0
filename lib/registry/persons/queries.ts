import { MAX_ID } from "@/lib/validation";
import "server-only";
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, persons, programmes } from "@/db/schema";
import type { RegisterOrg } from "@/lib/auth/scoped";
import { FORMATS, PERSON_CATEGORIES } from "@/lib/reports/domain";
import { containsPattern } from "@/lib/search";
import { regionClock } from "@/lib/territory/clock";

export const PAGE_SIZE = 50;

/** The list's filters from the query string; anything malformed falls back to «all». */
export const personFilterSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  category: z.enum(PERSON_CATEGORIES).optional().catch(undefined),
  role: z.enum(["mentor", "mentee"]).optional().catch(undefined),
  format: z.enum(FORMATS).optional().catch(undefined),
  programme: z.coerce.number().int().positive().max(MAX_ID, "Запись не найдена.").optional().catch(undefined),
  status: z.enum(["current", "active", "inactive", "archived"]).catch("current"),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  sort: z.enum(["name", "birthYear", "updated"]).catch("name"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PersonFilter = z.infer<typeof personFilterSchema>;

const inMentorship = (extra: SQL) =>
  sql`exists (select 1 from ${mentorships} m join ${programmes} p on p.id = m.programme_id
      where (m.mentor_id = ${persons.id} or m.mentee_id = ${persons.id}) and not m.archived and ${extra})`;

/** One page of an organisation's register, filtered and sorted on the server. */
export async function listPersons(org: RegisterOrg, f: PersonFilter) {
  const db = await getDb();
  const today = (await regionClock(org.regionId)).today();
  const { rows, filter } = personRows(db, org, f, today);
  const [list, [{ total }]] = await Promise.all([
    rows,
    db.select({ total: count() }).from(persons).where(filter),
  ]);
  return { rows: list, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The list's page of rows (a query not yet run) and the filter its total counts with. */
export function personRows(db: Db, org: RegisterOrg, f: PersonFilter, today: string) {
  const where: SQL[] = [eq(persons.organisationId, org.id)];
  where.push(eq(persons.archived, f.status === "archived"));
  if (f.q) {
    const words = f.q.split(/\s+/).slice(0, 3);
    for (const w of words) {
      const like = containsPattern(w);
      where.push(
        or(ilike(persons.surname, like), ilike(persons.name, like), ilike(persons.patronymic, like))!,
      );
    }
  }
  if (f.category) where.push(eq(persons.category, f.category));
  if (f.role === "mentor")
    where.push(sql`exists (select 1 from ${mentorProfiles} mp where mp.person_id = ${persons.id})`);
  if (f.role === "mentee")
    where.push(sql`exists (select 1 from ${menteeProfiles} mp where mp.person_id = ${persons.id})`);
  if (f.format) where.push(inMentorship(sql`p.format = ${f.format}`));
  if (f.programme) where.push(inMentorship(sql`p.id = ${f.programme}`));
  if (f.status === "active")
    where.push(
      inMentorship(sql`(m.end_date is null or m.end_date >= ${today}) and m.entry_date <= ${today}`),
    );
  if (f.status === "inactive")
    where.push(sql`not ${inMentorship(sql`(m.end_date is null or m.end_date >= ${today})`)}`);
  if (f.year)
    where.push(
      inMentorship(
        sql`m.entry_date <= ${`${f.year}-12-31`} and (m.end_date is null or m.end_date >= ${`${f.year}-01-01`})`,
      ),
    );

  const order =
    f.sort === "birthYear"
      ? [desc(persons.birthYear), asc(persons.surname), asc(persons.name)]
      : f.sort === "updated"
        ? [desc(persons.updatedAt)]
        : [asc(persons.surname), asc(persons.name), asc(persons.patronymic)];
  const filter = and(...where);
  const rows = db
    .select({
      id: persons.id,
      surname: persons.surname,
      name: persons.name,
      patronymic: persons.patronymic,
      birthYear: persons.birthYear,
      category: persons.category,
      grade: persons.grade,
      workplace: persons.workplace,
      archived: persons.archived,
      // Drizzle leaves columns unqualified in a one-table select: name the outer row explicitly. A scalar
      // subquery on the profile's key, not `exists`: PostgreSQL may answer an `exists` in the select list with a
      // hashed subplan, which reads every profile of the country to flag 50 rows (region set: 57 ms against 3).
      isMentor: sql<boolean>`(select true from mentor_profiles mp where mp.person_id = "persons"."id") is not null`,
      isMentee: sql<boolean>`(select true from mentee_profiles mp where mp.person_id = "persons"."id") is not null`,
      activePairs: sql<number>`(select count(*)::int from mentorships m where (m.mentor_id = "persons"."id" or m.mentee_id = "persons"."id")
        and not m.archived and m.entry_date <= ${today} and (m.end_date is null or m.end_date >= ${today}))`,
    })
    .from(persons)
    .where(filter)
    .orderBy(...order)
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE);
  return { rows, filter };
}

/** A person of the organisation with the questionnaires and every pair they are in, or null. */
export async function getPerson(org: RegisterOrg, id: number) {
  const db = await getDb();
  const [person] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), eq(persons.organisationId, org.id)));
  if (!person) return null;
  const [[mentor], [mentee], pairs] = await Promise.all([
    db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, id)),
    db.select().from(menteeProfiles).where(eq(menteeProfiles.personId, id)),
    db
      .select({
        id: mentorships.id,
        programmeId: programmes.id,
        programme: programmes.title,
        format: programmes.format,
        asMentor: sql<boolean>`${mentorships.mentorId} = ${id}`,
        otherSurname: persons.surname,
        otherName: persons.name,
        otherPatronymic: persons.patronymic,
        entryDate: mentorships.entryDate,
        endDate: mentorships.endDate,
        completed: mentorships.completed,
      })
      .from(mentorships)
      .innerJoin(programmes, eq(programmes.id, mentorships.programmeId))
      .innerJoin(
        persons,
        sql`${persons.id} = case when ${mentorships.mentorId} = ${id} then ${mentorships.menteeId} else ${mentorships.mentorId} end`,
      )
      .where(
        and(or(eq(mentorships.mentorId, id), eq(mentorships.menteeId, id)), eq(mentorships.archived, false)),
      )
      .orderBy(desc(mentorships.entryDate)),
  ]);
  return { person, mentor: mentor ?? null, mentee: mentee ?? null, pairs };
}

/** The organisation's programmes for the filter. */
export async function programmeOptions(org: RegisterOrg) {
  const db = await getDb();
  return db
    .select({ id: programmes.id, title: programmes.title })
    .from(programmes)
    .where(and(eq(programmes.organisationId, org.id), eq(programmes.archived, false)))
    .orderBy(asc(programmes.title));
}
