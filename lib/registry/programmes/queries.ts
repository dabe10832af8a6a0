import { isId } from "@/lib/validation";
import "server-only";
import { and, asc, count, desc, eq, gt, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { mentorships, programmes } from "@/db/schema";
import type { RegisterOrg, ScopedOrg } from "@/lib/auth/scoped";
import { containsPattern } from "@/lib/search";
import { regionClock } from "@/lib/territory/clock";
import { PAGE_SIZE, type ProgrammeFilters } from "./filters";

/** A pair is active on `today` (the region's day) when it has begun and has not ended (spec/reporting.md, «active»). */
export const activeOn = (today: string) =>
  sql`(${mentorships.entryDate} <= ${today} and (${mentorships.endDate} is null or ${mentorships.endDate} >= ${today}))`;

/** Per programme of the organisation: distinct mentors and mentees, and pairs active today. */
function pairStats(db: Db, org: ScopedOrg, today: string) {
  return db
    .select({
      programmeId: mentorships.programmeId,
      mentors: sql<number>`count(distinct ${mentorships.mentorId})`.as("mentors"),
      mentees: sql<number>`count(distinct ${mentorships.menteeId})`.as("mentees"),
      active: sql<number>`count(*) filter (where ${activeOn(today)})`.as("active"),
    })
    .from(mentorships)
    .where(and(eq(mentorships.organisationId, org.id), eq(mentorships.archived, false)))
    .groupBy(mentorships.programmeId)
    .as("stats");
}

function filterWhere(org: RegisterOrg, f: ProgrammeFilters, today: string): SQL {
  const conditions: (SQL | undefined)[] = [eq(programmes.organisationId, org.id)];
  conditions.push(eq(programmes.archived, f.status === "archived"));
  if (f.status === "planned") conditions.push(gt(programmes.startDate, today));
  if (f.status === "finished") conditions.push(lt(programmes.endDate, today));
  if (f.status === "current") {
    conditions.push(
      sql`${programmes.startDate} <= ${today}`,
      or(sql`${programmes.endDate} is null`, sql`${programmes.endDate} >= ${today}`),
    );
  }
  if (f.format) conditions.push(eq(programmes.format, f.format));
  if (f.stage) conditions.push(eq(programmes.stage, f.stage));
  if (f.q) conditions.push(ilike(programmes.title, containsPattern(f.q)));
  return and(...conditions)!;
}

/** One page of the organisation's programmes with their pair counts, and the total for paging. */
export async function listProgrammes(org: RegisterOrg, f: ProgrammeFilters) {
  const db = await getDb();
  const today = (await regionClock(org.regionId)).today();
  const stats = pairStats(db, org, today);
  const where = filterWhere(org, f, today);
  const [{ total }] = await db.select({ total: count() }).from(programmes).where(where);
  const rows = await db
    .select({
      id: programmes.id,
      title: programmes.title,
      format: programmes.format,
      roleModel: programmes.roleModel,
      stage: programmes.stage,
      startDate: programmes.startDate,
      endDate: programmes.endDate,
      bestPractice: programmes.bestPractice,
      archived: programmes.archived,
      mentors: sql<number>`coalesce(${stats.mentors}, 0)`.mapWith(Number),
      mentees: sql<number>`coalesce(${stats.mentees}, 0)`.mapWith(Number),
      active: sql<number>`coalesce(${stats.active}, 0)`.mapWith(Number),
    })
    .from(programmes)
    .leftJoin(stats, eq(stats.programmeId, programmes.id))
    .where(where)
    .orderBy(desc(programmes.startDate), asc(programmes.title), asc(programmes.id))
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE);
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** One programme of the organisation (archived too), or null: the page answers «not found». */
export async function getProgramme(org: RegisterOrg, id: number) {
  if (!isId(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(programmes)
    .where(and(eq(programmes.id, id), eq(programmes.organisationId, org.id)))
    .limit(1);
  return row ?? null;
}

/** Distinct mentors and mentees of the programme and its pairs active today (archived pairs left out). */
export async function programmeCounts(org: ScopedOrg, programmeId: number) {
  const db = await getDb();
  const today = (await regionClock(org.regionId)).today();
  const [row] = await db
    .select({
      pairs: count(),
      mentors: sql<number>`count(distinct ${mentorships.mentorId})`.mapWith(Number),
      mentees: sql<number>`count(distinct ${mentorships.menteeId})`.mapWith(Number),
      active: sql<number>`count(*) filter (where ${activeOn(today)})`.mapWith(Number),
    })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.programmeId, programmeId),
        eq(mentorships.organisationId, org.id),
        eq(mentorships.archived, false),
      ),
    );
  return row;
}
