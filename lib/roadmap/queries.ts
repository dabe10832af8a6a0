import "server-only";
import { and, asc, count, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { documents, municipalities, organisations, roadmapItems } from "@/db/schema";
import { isItemOverdue, roadmapNumbers, type RoadmapLevel } from "./domain";
import { ownerOf, type RoadmapOwner } from "./scope";

/** The rows of one owner's roadmap, in a query's where. */
export function ownerWhere(owner: { level: RoadmapLevel; id: number }): SQL {
  if (owner.level === "organisation") return eq(roadmapItems.organisationId, owner.id);
  if (owner.level === "municipality") return eq(roadmapItems.municipalityId, owner.id);
  return and(
    eq(roadmapItems.regionId, owner.id),
    isNull(roadmapItems.organisationId),
    isNull(roadmapItems.municipalityId),
  )!;
}

/** The roadmap's rows in order, numbered, each marked overdue or not by the region's `today`. */
export async function listRoadmap(owner: RoadmapOwner, today: string) {
  const db = await getDb();
  const rows = await db
    .select({
      item: roadmapItems,
      documentTitle: documents.title,
      documentNumber: documents.number,
      documentDate: documents.date,
      documentArchived: documents.archived,
    })
    .from(roadmapItems)
    .leftJoin(documents, eq(documents.id, roadmapItems.documentId))
    .where(ownerWhere(owner))
    .orderBy(asc(roadmapItems.position), asc(roadmapItems.id));
  const numbers = roadmapNumbers(rows.map((r) => r.item));
  return rows.map((r, i) => ({
    ...r.item,
    number: numbers[i],
    overdue: isItemOverdue(r.item, today),
    document:
      r.item.documentId != null
        ? {
            id: r.item.documentId,
            title: r.documentTitle ?? "",
            number: r.documentNumber ?? "",
            date: r.documentDate,
            archived: r.documentArchived ?? false,
          }
        : null,
  }));
}
export type RoadmapRow = Awaited<ReturnType<typeof listRoadmap>>[number];

/** The last day an item may be done on time, in SQL: the day, or the month's last day. */
export const dueEndSql = sql<string>`(case when ${roadmapItems.duePrecision} = 'month'
  then (${roadmapItems.dueDate} + interval '1 month' - interval '1 day')::date
  else ${roadmapItems.dueDate} end)`;

const open = inArray(roadmapItems.status, ["planned", "in_progress"]);

/** An item with a due, for lists and reminders: whose it is, what, by when. */
export interface DueItem {
  id: number;
  level: RoadmapLevel;
  /** The organisation's, municipality's or region's id. */
  ownerId: number;
  organisationId: number | null;
  municipalityId: number | null;
  regionId: number;
  title: string;
  dueDate: string;
  duePrecision: "day" | "month";
  dueNote: string;
  /** The last day to do it on time (YYYY-MM-DD). */
  dueEnd: string;
  status: "planned" | "in_progress";
}

interface DueFilter {
  regionId: number;
  /** Only this municipality's own roadmap and those of its organisations. */
  municipalityId?: number;
  /** Only these organisations' roadmaps. */
  organisationIds?: number[];
  /** Only these levels (all by default). */
  levels?: RoadmapLevel[];
}

/** The conditions of open items of `f` whose last day is in `range`. */
function dueWhere(f: DueFilter, range: SQL): SQL[] {
  const where: SQL[] = [
    eq(roadmapItems.regionId, f.regionId),
    eq(roadmapItems.isSection, false),
    open,
    range,
  ];
  if (f.municipalityId != null)
    where.push(
      sql`(${roadmapItems.municipalityId} = ${f.municipalityId} or ${roadmapItems.organisationId} in (select id from ${organisations} where ${organisations.municipalityId} = ${f.municipalityId}))`,
    );
  if (f.organisationIds)
    where.push(inArray(roadmapItems.organisationId, f.organisationIds.length ? f.organisationIds : [-1]));
  if (f.levels) {
    const lv: SQL[] = [];
    if (f.levels.includes("organisation")) lv.push(isNotNull(roadmapItems.organisationId));
    if (f.levels.includes("municipality")) lv.push(isNotNull(roadmapItems.municipalityId));
    if (f.levels.includes("region"))
      lv.push(and(isNull(roadmapItems.organisationId), isNull(roadmapItems.municipalityId))!);
    where.push(lv.length ? sql`(${sql.join(lv, sql` or `)})` : sql`false`);
  }
  return where;
}

async function dueItems(db: DbOrTx, f: DueFilter, range: SQL, limit: number, offset = 0): Promise<DueItem[]> {
  const where = dueWhere(f, range);
  const rows = await db
    .select({
      id: roadmapItems.id,
      organisationId: roadmapItems.organisationId,
      municipalityId: roadmapItems.municipalityId,
      regionId: roadmapItems.regionId,
      title: roadmapItems.title,
      dueDate: roadmapItems.dueDate,
      duePrecision: roadmapItems.duePrecision,
      dueNote: roadmapItems.dueNote,
      dueEnd: sql<string>`to_char(${dueEndSql}, 'YYYY-MM-DD')`,
      status: roadmapItems.status,
    })
    .from(roadmapItems)
    .where(and(...where))
    .orderBy(asc(dueEndSql), asc(roadmapItems.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => {
    const owner = ownerOf(r);
    return {
      ...r,
      level: owner.level,
      ownerId: owner.id,
      dueDate: r.dueDate!,
      duePrecision: r.duePrecision!,
      status: r.status as DueItem["status"],
    };
  });
}

/** Open items whose last day falls in [from, to] (YYYY-MM-DD): what is coming due, for reminders. */
export function roadmapItemsComingDue(
  db: DbOrTx,
  f: DueFilter & { from: string; to: string },
  limit = 1000,
): Promise<DueItem[]> {
  return dueItems(db, f, sql`${dueEndSql} between ${f.from}::date and ${f.to}::date`, limit);
}

/** Open items whose last day is before `today` (the region's, YYYY-MM-DD): overdue, oldest first. */
export function overdueRoadmapItems(
  db: DbOrTx,
  f: DueFilter & { today: string },
  limit = 1000,
  offset = 0,
): Promise<DueItem[]> {
  return dueItems(db, f, sql`${dueEndSql} < ${f.today}::date`, limit, offset);
}

/** How many items `overdueRoadmapItems` would list, and of how many owners (organisations, municipalities). */
export async function overdueRoadmapCount(
  db: DbOrTx,
  f: DueFilter & { today: string },
): Promise<{ items: number; owners: number }> {
  const [row] = await db
    .select({
      items: count(),
      owners: sql<number>`count(distinct coalesce(${roadmapItems.organisationId}, -${roadmapItems.municipalityId}, 0))::int`,
    })
    .from(roadmapItems)
    .where(and(...dueWhere(f, sql`${dueEndSql} < ${f.today}::date`)));
  return { items: Number(row?.items ?? 0), owners: Number(row?.owners ?? 0) };
}

/** Per organisation of a municipality: items, done, overdue (organisations without a roadmap too). */
export async function organisationsRoadmapSummary(municipalityId: number, today: string) {
  const db = await getDb();
  return db
    .select({
      id: organisations.id,
      name: organisations.shortName,
      items: sql<number>`count(${roadmapItems.id}) filter (where not ${roadmapItems.isSection})::int`,
      done: sql<number>`count(${roadmapItems.id}) filter (where ${roadmapItems.status} = 'done')::int`,
      overdue: sql<number>`count(${roadmapItems.id}) filter (where not ${roadmapItems.isSection} and ${open} and ${dueEndSql} < ${today}::date)::int`,
    })
    .from(organisations)
    .leftJoin(roadmapItems, eq(roadmapItems.organisationId, organisations.id))
    .where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.archived, false)))
    .groupBy(organisations.id, organisations.shortName)
    .orderBy(asc(organisations.shortName));
}

/** Per municipality of a region: its own roadmap's items and overdue, and its organisations'. */
export async function municipalitiesRoadmapSummary(regionId: number, today: string) {
  const db = await getDb();
  const overdue = sql`(not ${roadmapItems.isSection} and ${open} and ${dueEndSql} < ${today}::date)`;
  const orgMuni = sql`(select ${organisations.municipalityId} from ${organisations} where ${organisations.id} = ${roadmapItems.organisationId})`;
  const rows = await db
    .select({
      municipalityId: sql<number>`coalesce(${roadmapItems.municipalityId}, ${orgMuni})`,
      ownItems: sql<number>`count(*) filter (where ${roadmapItems.municipalityId} is not null and not ${roadmapItems.isSection})::int`,
      ownOverdue: sql<number>`count(*) filter (where ${roadmapItems.municipalityId} is not null and ${overdue})::int`,
      orgs: sql<number>`count(distinct ${roadmapItems.organisationId})::int`,
      orgItems: sql<number>`count(*) filter (where ${roadmapItems.organisationId} is not null and not ${roadmapItems.isSection})::int`,
      orgOverdue: sql<number>`count(*) filter (where ${roadmapItems.organisationId} is not null and ${overdue})::int`,
    })
    .from(roadmapItems)
    .where(
      and(
        eq(roadmapItems.regionId, regionId),
        sql`(${roadmapItems.municipalityId} is not null or ${roadmapItems.organisationId} is not null)`,
      ),
    )
    .groupBy(sql`1`);
  const munis = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.regionId, regionId), eq(municipalities.archived, false)))
    .orderBy(asc(municipalities.name));
  const by = new Map(rows.map((r) => [Number(r.municipalityId), r]));
  return munis.map((m) => {
    const r = by.get(m.id);
    return {
      ...m,
      ownItems: r?.ownItems ?? 0,
      ownOverdue: r?.ownOverdue ?? 0,
      orgs: r?.orgs ?? 0,
      orgItems: r?.orgItems ?? 0,
      orgOverdue: r?.orgOverdue ?? 0,
    };
  });
}

/** The organisation's live documents, for the «result» select of its roadmap's items. */
export async function documentChoices(organisationId: number) {
  const db = await getDb();
  return db
    .select({
      id: documents.id,
      type: documents.type,
      number: documents.number,
      date: documents.date,
      title: documents.title,
    })
    .from(documents)
    .where(and(eq(documents.organisationId, organisationId), eq(documents.archived, false)))
    .orderBy(asc(documents.date), asc(documents.id));
}

/** One row of a roadmap the user may see, for its edit page. */
export async function getRoadmapItem(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(roadmapItems).where(eq(roadmapItems.id, id));
  return row ?? null;
}
