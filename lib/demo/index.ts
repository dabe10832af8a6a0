/**
 * The demo region: a deterministic generator of a fictional region with registers, reports and accounts
 * (spec/demo-data.md). `ensureDemo` seeds an empty embedded database on first start; `seedDemo` is the
 * generator (size parameters for the benchmarks); `resetDemo` empties a database that holds only demo data.
 */
import { rebuildAggregates } from "@/lib/indicators/facts";
import { hash } from "@node-rs/argon2";
import { getTableName, sql } from "drizzle-orm";
import { execRows, type Db, type Tx } from "@/db/client";
import * as s from "@/db/schema";
import { DEMO_PASSWORD } from "./accounts";
import { ODT_MIME, makeOdt } from "@/lib/files/odt";
import { buildDocuments, buildEvents, orderParagraphs } from "./content";
import { demoQuarter, demoToday } from "./dates";
import { allPeriods, computeOrgReports } from "./forms";
import { hashSeed, Rng } from "./random";
import { buildRegisters } from "./registers";
import { buildRoadmaps } from "./roadmaps";
import { buildReports, calendar, periodRows, planStatuses } from "./reports";
import type * as R from "./rows";
import { Ids } from "./rows";
import { cityRenamer, LIGHT_REGIONS, LIGHT_SIZE, relocate, type LightRegion } from "./light-regions";
import { copyClient, copyRows, insertRows, resetSequences } from "./insert";
import { nationalPlan } from "./national-regions";
import { resolveSize, type DemoSize } from "./size";
import { buildTerritory, type OrgPlan, type Territory, type Years } from "./territory";
import { CITY_EMPLOYERS, DISTRICTS } from "./texts-territory";
import { buildSurveys } from "./surveys";
import { buildLightUsers, buildSettings, buildTargets, buildUsers, type SeededUsers } from "./users";

export { DEMO_ACCOUNTS } from "./accounts";
export { DEFAULT_SIZE, type DemoSize } from "./size";

export const DEFAULT_SEED = 2021;

const DISTRICT_COUNT = DISTRICTS.length;

export interface SeedOptions {
  today?: Date;
  size?: Partial<DemoSize>;
  seed?: number;
  /** The two lighter regions beside the demo region (default: with the default size only). */
  lightRegions?: boolean;
  /**
   * Regions in the set (issue 14's national set: 89). Region 1 is the demo region with the demo accounts; the others
   * are built by the same generator and moved to their own ids, names and addresses (national-regions.ts), each
   * with its coordinators and a curator like the lighter regions. `size` is then the average region's. Default 1.
   */
  regions?: number;
  log?: (message: string) => void;
}

export interface SeedSummary {
  seed: number;
  today: string;
  ms: number;
  counts: Record<string, number>;
}

async function regionCounts(db: Db): Promise<{ total: number; demo: number }> {
  const [row] = await execRows<{ total: number; demo: number }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where ${s.regions.isDemo})::int as demo from ${s.regions}`,
  );
  return { total: Number(row?.total ?? 0), demo: Number(row?.demo ?? 0) };
}

/** Seeds the demo into an empty database; leaves a demo alone; refuses to touch a database with real regions. */
export async function ensureDemo(db: Db, opts: SeedOptions = {}): Promise<"seeded" | "present" | "refused"> {
  const log = opts.log ?? (() => {});
  const { total, demo } = await regionCounts(db);
  if (total === 0) {
    const summary = await seedDemo(db, opts);
    log(
      `Демонстрационный регион создан за ${(summary.ms / 1000).toFixed(1)} с: ${summary.counts.organisations} организаций, ${summary.counts.persons} участников, ${summary.counts.reports} отчётов.`,
    );
    return "seeded";
  }
  if (demo === total) return "present";
  log("В базе есть данные реального региона: демонстрационные данные не создаются и не изменяются.");
  return "refused";
}

/** Deletes every row of every table, but only when every region in the database is a demo region. */
export async function resetDemo(db: Db): Promise<void> {
  const { total, demo } = await regionCounts(db);
  if (demo !== total) {
    throw new Error(
      "В базе есть данные реального региона: сброс запрещён. Демонстрационные данные можно пересоздать только в базе, где нет других регионов.",
    );
  }
  const tables = await execRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`,
  );
  if (tables.length === 0) return;
  await db.execute(
    sql.raw(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`),
  );
}

/** One region to build: the demo region itself (`region` null) or one moved to its own ids, names and addresses. */
interface RegionStep {
  region: LightRegion | null;
  size: DemoSize;
  /** How `relocate` renames the rural districts (null: they keep the names they were built with). */
  shift: number | null;
  districtOffset: number;
}

/** The tables of a region in the order they are written (each refers only to those before it). */
const REGION_TABLES = [
  [s.regions, "regions"],
  [s.municipalities, "municipalities"],
  [s.organisations, "organisations"],
  [s.users, "users"],
  [s.persons, "persons"],
  [s.mentorProfiles, "mentorProfiles"],
  [s.menteeProfiles, "menteeProfiles"],
  [s.programmes, "programmes"],
  [s.mentorships, "mentorships"],
  [s.files, "files"],
  [s.documents, "documents"],
  [s.events, "events"],
  [s.roadmapItems, "roadmapItems"],
  [s.periods, "periods"],
  [s.reports, "reports"],
  [s.reportTransitions, "reportTransitions"],
  [s.targets, "targets"],
  [s.surveyQuestionnaires, "surveyQuestionnaires"],
  [s.surveyResponses, "surveyResponses"],
] as const satisfies readonly (readonly [Parameters<typeof insertRows>[1], keyof RegionTables])[];

/**
 * The generator. Builds one region at a time in memory and writes it before building the next, all in one
 * transaction: a failure (or an interrupted run) leaves the database empty, never half a set. On PostgreSQL the
 * rows travel by COPY; on PGlite as JSON batches. With `regions` > 1 it builds the national set of issue 14.
 */
export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const today = opts.today ?? new Date();
  const seed = opts.seed ?? DEFAULT_SEED;
  const size = resolveSize(opts.size);
  const current = demoQuarter(today);
  if (current.year < size.firstYear)
    throw new Error(
      `Дата ${demoToday(today)} раньше первого года демонстрационных данных (${size.firstYear}).`,
    );
  if ((await regionCounts(db)).total > 0) {
    throw new Error(
      "База данных не пуста: демонстрационный регион создаётся только в пустой базе (сначала выполните сброс).",
    );
  }
  const years: Years = {
    first: size.firstYear,
    current: current.year,
    today: demoToday(today),
  };
  const steps: RegionStep[] = nationalPlan(opts.regions ?? 1, opts.size, seed).map((p, k) => ({
    region: p.region,
    size: p.size,
    shift: null,
    districtOffset: (k * 7) % DISTRICT_COUNT,
  }));
  // Two lighter regions for the federal level, only in the demo of the first start (not the benchmarks' sizes).
  if (steps.length === 1 && opts.size == null && opts.lightRegions !== false)
    for (const [k, r] of LIGHT_REGIONS.entries())
      steps.push({ region: r, size: resolveSize(LIGHT_SIZE), shift: k * 2, districtOffset: 0 });
  // Every document gets its file (an ODT order), except in the benchmark's large sets, where the files would only
  // cost time and memory.
  const files = steps.reduce((n, step) => n + step.size.organisations, 0) <= 2000;
  const ids = new Ids();
  const passwordHash = await hash(DEMO_PASSWORD);
  const counts: Record<string, number> = {};
  const add = (name: string, n: number) => (counts[name] = (counts[name] ?? 0) + n);
  await db.transaction(async (tx) => {
    const client = copyClient(tx);
    // COPY pays a round trip or two more than one INSERT: worth it from a few hundred rows.
    const write = (table: Parameters<typeof insertRows>[1], rows: Record<string, unknown>[]) =>
      client && rows.length >= 500
        ? copyRows(client, table, rows)
        : insertRows(tx, table, rows, table === s.reports ? 300 : 2000);
    // A large set on PostgreSQL: the secondary indexes are made once at the end rather than kept up row by row.
    const large = client != null && steps.reduce((n, step) => n + step.size.organisations, 0) > 2000;
    const indexes = large ? await dropSecondaryIndexes(tx) : [];
    const offset = { municipalities: 0, organisations: 0 };
    // One region is written while the next is built (the building yields now and then, so that the rows keep
    // flowing to the database): the database works on one core while the generator works on the other.
    let writing: Promise<void> = Promise.resolve();
    for (const [k, step] of steps.entries()) {
      const regionStarted = performance.now();
      const rng = new Rng(
        hashSeed(step.region ? `nastavnik-demo-${step.region.code}` : "nastavnik-demo", seed),
      );
      let t = buildTerritory(rng.fork("territory"), step.size, years, step.districtOffset);
      if (step.region) t = relocate(t, step.region, offset, step.shift);
      offset.municipalities += t.munis.length;
      offset.organisations += t.orgs.length;
      const users = step.region
        ? (u: Rng) => buildLightUsers(u, t, passwordHash, ids, today)
        : (u: Rng) => buildUsers(u, t, passwordHash, ids, today);
      // The national set's regions name their own centre in their employers too (the lighter ones keep Демоград's).
      const employers =
        step.region && step.shift === null ? CITY_EMPLOYERS.map(cityRenamer(step.region)) : undefined;
      const tables = await regionTables(rng, t, years, ids, today, files, users, employers);
      const built = performance.now();
      await writing;
      const waited = performance.now();
      writing = (async () => {
        for (const [table, name] of REGION_TABLES) {
          await write(table, tables[name]);
          add(name, tables[name].length);
        }
        log(
          `регион ${k + 1} из ${steps.length} «${t.region.name}»: ${t.orgs.length} организаций; построен за ${Math.round(built - regionStarted)} мс, записан за ${Math.round(performance.now() - waited)} мс`,
        );
      })();
      // Awaited before the next region is written (or after the last): only silenced until then.
      writing.catch(() => {});
    }
    await writing;
    const settings = buildSettings(years, today, seed);
    await write(s.settings, settings);
    add("settings", settings.length);
    await resetSequences(tx);
    if (large) {
      const indexed = performance.now();
      await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
      for (const definition of indexes) await tx.execute(sql.raw(definition));
      // Fresh statistics for the planner of the aggregates below and of the first pages.
      await tx.execute(
        sql.raw(`analyze ${REGION_TABLES.map(([table]) => `"${getTableName(table)}"`).join(", ")}`),
      );
      log(`индексы построены, статистика собрана: ${Math.round(performance.now() - indexed)} мс`);
    }
    // The indicator pages read pre-aggregated figures: build them from the approved reports just written.
    const aggregates = performance.now();
    await rebuildAggregates(tx);
    log(`агрегаты показателей пересобраны: ${Math.round(performance.now() - aggregates)} мс`);
  });
  const ms = Math.round(performance.now() - started);
  log(`данные записаны: ${ms} мс`);
  return { seed, today: years.today, ms, counts };
}

/**
 * Drops the indexes of the generated tables that back no constraint (primary keys and unique constraints stay: the
 * foreign keys and the seed's own checks need them) and returns their definitions, to be made again by the caller
 * in the same transaction.
 */
async function dropSecondaryIndexes(tx: Tx): Promise<string[]> {
  const names = sql.join(
    REGION_TABLES.map(([table]) => sql`${getTableName(table)}`),
    sql`, `,
  );
  const rows = await execRows<{ name: string; definition: string }>(
    tx,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = current_schema() and i.tablename in (${names})
          and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
        order by i.tablename, i.indexname`,
  );
  for (const r of rows) await tx.execute(sql.raw(`drop index "${r.name}"`));
  return rows.map((r) => r.definition);
}

/** Lets pending I/O run (the previous region's rows on their way to the database) in a long computation. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

type RegionTables = Record<
  | "regions"
  | "municipalities"
  | "organisations"
  | "users"
  | "persons"
  | "mentorProfiles"
  | "menteeProfiles"
  | "programmes"
  | "mentorships"
  | "files"
  | "documents"
  | "events"
  | "periods"
  | "reports"
  | "reportTransitions"
  | "targets"
  | "roadmapItems"
  | "surveyQuestionnaires"
  | "surveyResponses",
  Record<string, unknown>[]
>;

/** One region's rows: its territory, registers, files, accounts, reports and targets. */
async function regionTables(
  rng: Rng,
  t: Territory,
  years: Years,
  ids: Ids,
  today: Date,
  withFiles: boolean,
  people: (rng: Rng) => SeededUsers,
  cityEmployers?: readonly string[],
): Promise<RegionTables> {
  const current = demoQuarter(today);
  const documents: R.DocumentRow[] = [];
  const events: R.EventRow[] = [];
  const registers = new Map<number, R.OrgRegisters>();
  const docsByOrg = new Map<number, R.DocumentRow[]>();
  for (const org of t.orgs) {
    if (org.index % 16 === 15) await yieldToIo();
    const docs = buildDocuments(rng.fork("documents", org.index), org, years, ids);
    docsByOrg.set(org.id, docs);
    documents.push(...docs);
    events.push(...buildEvents(rng.fork("events", org.index), org, years, ids));
    const colleges = [
      ...t.colleges.filter((c) => c.muni.id === org.muni.id),
      ...t.colleges.filter((c) => c.muni.id !== org.muni.id),
    ];
    registers.set(
      org.id,
      buildRegisters({
        rng: rng.fork("registers", org.index),
        org,
        years,
        ids,
        colleges: colleges.map((c) => c.shortName),
        cityEmployers,
        documents: docs,
      }),
    );
  }
  const roadmaps = buildRoadmaps(rng.fork("roadmaps"), t, years, ids, docsByOrg);

  // Every document gets its file (an ODT order), so that the registers and public pages can open it.
  const files: Record<string, unknown>[] = [];
  if (withFiles) {
    const orgById = new Map(t.orgs.map((o) => [o.id, o]));
    for (const doc of documents) {
      const data = await makeOdt(orderParagraphs(orgById.get(doc.organisationId)!, doc));
      const id = ids.next("files");
      const [y, m, d] = (doc.date ?? "").split("-");
      files.push({
        id,
        organisationId: doc.organisationId,
        name: `Приказ № ${doc.number} от ${d}.${m}.${y}.odt`,
        mime: ODT_MIME,
        size: data.length,
        // bytea in hex form: the rows travel to the database as JSON.
        data: `\\x${data.toString("hex")}`,
        createdAt: doc.createdAt,
      });
      doc.fileId = id;
    }
  }

  const users = people(rng.fork("users"));
  const periods = allPeriods(years, current);
  const cal = calendar(current, years.today, years.first);
  const statuses = planStatuses(rng.fork("statuses"), t.orgs, cal, t.curatorOrg.id);
  const reports: R.ReportRowDb[] = [];
  const transitions: R.TransitionRow[] = [];
  for (const org of t.orgs) {
    if (org.index % 16 === 15) await yieldToIo();
    const computed = computeOrgReports(org, registers.get(org.id)!, docsByOrg.get(org.id)!, periods, years);
    const built = buildReports(rng.fork("reports", org.index), org, computed, cal, statuses, today, ids, {
      curatorUserId: users.curatorUserId,
      curatorOrgId: t.curatorOrg.id,
      coordinatorOf: (o) => users.coordinatorByMuni.get(o.muni.id) ?? null,
    });
    reports.push(...built.reports);
    transitions.push(...built.transitions);
  }

  const flat = <K extends keyof R.OrgRegisters>(k: K): R.OrgRegisters[K] =>
    [...registers.values()].flatMap((r) => r[k] as unknown[]) as R.OrgRegisters[K];
  const programmes = flat("programmes");
  // Half of the demo school's minor mentees have a legal representative's e-mail: their questionnaire links go there.
  const curatorRegisters = registers.get(t.curatorOrg.id)!;
  const minors = new Set(
    curatorRegisters.persons
      .filter((p) => p.birthYear != null && years.current - p.birthYear < 18)
      .map((p) => p.id),
  );
  for (const profile of curatorRegisters.menteeProfiles)
    if (minors.has(profile.personId) && profile.personId % 2 === 0)
      profile.representativeEmail = `roditel-${profile.personId}@example.ru`;
  const surveys = buildSurveys(
    rng.fork("surveys"),
    t.region.id,
    t.orgs.map((org) => ({ org, reg: registers.get(org.id)! })),
    t.curatorOrg.id,
    ids,
    years.today,
  );
  return {
    regions: [{ ...t.region, isDemo: true, createdAt: today }],
    municipalities: t.munis.map((m) => ({
      id: m.id,
      regionId: t.region.id,
      name: m.name,
      kind: m.kind,
      slug: m.slug,
      createdAt: today,
    })),
    organisations: t.orgs.map((o) => organisationRow(o, years, today)),
    users: users.rows,
    persons: flat("persons"),
    mentorProfiles: flat("mentorProfiles"),
    menteeProfiles: flat("menteeProfiles"),
    programmes,
    mentorships: flat("mentorships"),
    files,
    documents,
    events,
    periods: periodRows(t.region.id, periods),
    reports,
    reportTransitions: transitions,
    targets: buildTargets(t, years, programmes, ids),
    roadmapItems: roadmaps as unknown as Record<string, unknown>[],
    surveyQuestionnaires: surveys.questionnaires as unknown as Record<string, unknown>[],
    surveyResponses: surveys.responses as unknown as Record<string, unknown>[],
  };
}

function organisationRow(o: OrgPlan, years: Years, today: Date): R.OrganisationRow {
  const card = o.figures.get(years.current)!;
  const created = new Date(`${o.startDate < years.today ? o.startDate : years.today}T08:00:00Z`);
  return {
    id: o.id,
    municipalityId: o.muni.id,
    fullName: o.fullName,
    shortName: o.shortName,
    kind: o.kind,
    address: o.address,
    directorName: o.directorName,
    phone: o.phone,
    email: o.email,
    website: o.website,
    slug: o.slug,
    joinedYear: o.joinedYear,
    obliged: true,
    learners10to18: card.learners,
    teachingStaff: card.staff,
    youngTeachers: card.young,
    curatorName: o.curatorName,
    curatorContact: o.curatorContact,
    createdAt: created,
    updatedAt: today,
  };
}
