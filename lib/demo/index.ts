/**
 * The demo region: a deterministic generator of a fictional region with registers, reports and accounts
 * (spec/demo-data.md). `ensureDemo` seeds an empty embedded database on first start; `seedDemo` is the
 * generator (size parameters for the benchmarks); `resetDemo` empties a database that holds only demo data.
 */
import { rebuildAggregates } from "@/lib/indicators/facts";
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { execRows, type Db } from "@/db/client";
import * as s from "@/db/schema";
import { DEMO_PASSWORD } from "./accounts";
import { ODT_MIME, makeOdt } from "@/lib/files/odt";
import { buildDocuments, buildEvents, orderParagraphs } from "./content";
import { demoQuarter, demoToday } from "./dates";
import { allPeriods, computeOrgReports } from "./forms";
import { insertRows, resetSequences } from "./insert";
import { hashSeed, Rng } from "./random";
import { buildRegisters } from "./registers";
import { buildRoadmaps } from "./roadmaps";
import { buildReports, calendar, periodRows, planStatuses } from "./reports";
import type * as R from "./rows";
import { Ids } from "./rows";
import { LIGHT_REGIONS, LIGHT_SIZE, relocate } from "./light-regions";
import { resolveSize, type DemoSize } from "./size";
import { buildTerritory, type OrgPlan, type Territory, type Years } from "./territory";
import { buildSurveys } from "./surveys";
import { buildLightUsers, buildSettings, buildTargets, buildUsers, type SeededUsers } from "./users";

export { DEMO_ACCOUNTS } from "./accounts";
export { DEFAULT_SIZE, type DemoSize } from "./size";

export const DEFAULT_SEED = 2021;

export interface SeedOptions {
  today?: Date;
  size?: Partial<DemoSize>;
  seed?: number;
  /** The two lighter regions beside the demo region (default: with the default size only). */
  lightRegions?: boolean;
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

/** The generator: builds the whole region in memory, then inserts it in one transaction. */
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
  const rng = new Rng(hashSeed("nastavnik-demo", seed));
  const ids = new Ids();
  const passwordHash = await hash(DEMO_PASSWORD);
  const t = buildTerritory(rng.fork("territory"), size, years);
  const regions = [
    await regionTables(rng, t, years, ids, today, size, (u) => buildUsers(u, t, passwordHash, ids, today)),
  ];
  // Two lighter regions for the federal level, only in the demo of the first start (not the benchmarks' sizes).
  if (opts.size == null && opts.lightRegions !== false) {
    let municipalities = t.munis.length;
    let organisations = t.orgs.length;
    for (const [k, r] of LIGHT_REGIONS.entries()) {
      const lightRng = new Rng(hashSeed(`nastavnik-demo-${r.code}`, seed));
      const lightSize = resolveSize(LIGHT_SIZE);
      const lt = relocate(
        buildTerritory(lightRng.fork("territory"), lightSize, years),
        r,
        { municipalities, organisations },
        k * 2,
      );
      municipalities += lt.munis.length;
      organisations += lt.orgs.length;
      regions.push(
        await regionTables(lightRng, lt, years, ids, today, lightSize, (u) =>
          buildLightUsers(u, lt, passwordHash, ids, today),
        ),
      );
    }
    log(`лёгкие регионы построены: ${Math.round(performance.now() - started)} мс`);
  }
  const all = <K extends keyof RegionTables>(k: K) => regions.flatMap((r) => r[k]);
  const tables: [Parameters<typeof insertRows>[1], Record<string, unknown>[]][] = [
    [s.regions, all("regions")],
    [s.municipalities, all("municipalities")],
    [s.organisations, all("organisations")],
    [s.users, all("users")],
    [s.persons, all("persons")],
    [s.mentorProfiles, all("mentorProfiles")],
    [s.menteeProfiles, all("menteeProfiles")],
    [s.programmes, all("programmes")],
    [s.mentorships, all("mentorships")],
    [s.files, all("files")],
    [s.documents, all("documents")],
    [s.events, all("events")],
    [s.roadmapItems, all("roadmapItems")],
    [s.periods, all("periods")],
    [s.reports, all("reports")],
    [s.reportTransitions, all("reportTransitions")],
    [s.targets, all("targets")],
    [s.settings, buildSettings(years, today, seed)],
    [s.surveyQuestionnaires, all("surveyQuestionnaires")],
    [s.surveyResponses, all("surveyResponses")],
  ];
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const [table, rows] of tables) {
      await insertRows(tx, table, rows, table === s.reports ? 300 : 2000);
    }
    await resetSequences(tx);
    // The indicator pages read pre-aggregated figures: build them from the approved reports just written.
    await rebuildAggregates(tx);
  });
  for (const [table, rows] of tables) counts[tableName(table)] = rows.length;
  const ms = Math.round(performance.now() - started);
  log(`данные записаны: ${ms} мс`);
  return { seed, today: years.today, ms, counts };
}

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
  size: DemoSize,
  people: (rng: Rng) => SeededUsers,
): Promise<RegionTables> {
  const current = demoQuarter(today);
  const documents: R.DocumentRow[] = [];
  const events: R.EventRow[] = [];
  const registers = new Map<number, R.OrgRegisters>();
  const docsByOrg = new Map<number, R.DocumentRow[]>();
  for (const org of t.orgs) {
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
        documents: docs,
      }),
    );
  }
  const roadmaps = buildRoadmaps(rng.fork("roadmaps"), t, years, ids, docsByOrg);

  // Every document gets its file (an ODT order), so that the registers and public pages can open it. Skipped for
  // the benchmark's large sets, where the files would only cost time and memory.
  const files: Record<string, unknown>[] = [];
  if (size.organisations <= 2000) {
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

function tableName(table: Parameters<typeof insertRows>[1]): string {
  const names: [unknown, string][] = [
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
    [s.settings, "settings"],
    [s.surveyQuestionnaires, "surveyQuestionnaires"],
    [s.surveyResponses, "surveyResponses"],
  ];
  return names.find(([t]) => t === table)?.[1] ?? "?";
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
