/** Keeps the indicator aggregates (db/schema/indicators.ts) in step with approved reports. */
import { sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "../../db/client";
import { FORM_KEYS } from "../reports/counting";
import { REQUIRED_DOCUMENT_TYPES as DOC_KEYS } from "../reports/form1";

const FACT_COLUMNS = `covered, implementing, active_programmes, learner_mentees, learner_mentors, teacher_mentors,
  young_teacher_mentees, young_teachers_with_route, learners_any, teachers_any, learners, staff, young_teachers,
  ${FORM_KEYS.map((k) => `programmes_${k}`).join(", ")}, ${FORM_KEYS.map((k) => `participants_${k}`).join(", ")},
  ${DOC_KEYS.map((k) => `doc_${k}`).join(", ")}, curator_named`;

/** The fact columns of an organisation-year, read from its latest approved report (alias r). */
const FACT_SELECT = `1, case when r.documents_complete and coalesce((r.summary->>'activeProgrammes')::int, 0) > 0 then 1 else 0 end,
  coalesce((r.summary->>'activeProgrammes')::int, 0), coalesce((r.summary->>'learnerMentees')::int, 0),
  coalesce((r.summary->>'learnerMentors')::int, 0), coalesce((r.summary->>'teacherMentors')::int, 0),
  coalesce((r.summary->>'youngTeacherMentees')::int, 0), coalesce((r.summary->>'youngTeachersWithRoute')::int, 0),
  coalesce((r.summary->>'learnersAny')::int, 0), coalesce((r.summary->>'teachersAny')::int, 0),
  coalesce((r.form1->>'learners10to18')::int, 0), coalesce((r.form1->>'teachingStaff')::int, 0),
  coalesce((r.form1->>'youngTeachers')::int, 0),
  ${FORM_KEYS.map(
    (k) =>
      `coalesce(jsonb_array_length(case when jsonb_typeof(r.forms->'${k}'->'rows') = 'array' then r.forms->'${k}'->'rows' else '[]'::jsonb end), 0)`,
  ).join(", ")},
  ${FORM_KEYS.map(
    (k) =>
      `coalesce((r.forms->'${k}'->>'distinctMentors')::int, 0) + coalesce((r.forms->'${k}'->>'distinctMentees')::int, 0)`,
  ).join(", ")},
  ${DOC_KEYS.map((k) => `case when r.form1->'documents'->'${k}'->>'present' = 'true' then 1 else 0 end`).join(", ")},
  case when coalesce(btrim(r.form1->>'curatorName'), '') <> '' then 1 else 0 end`;

const LATEST_APPROVED = (where: string) => `
  select distinct on (r.organisation_id, r.year) r.organisation_id, r.year, r.id as report_id, r.quarter,
    o.municipality_id, m.region_id, ${FACT_SELECT}
  from reports r join organisations o on o.id = r.organisation_id join municipalities m on m.id = o.municipality_id
  where r.status = 'approved' and o.obliged and not o.archived and ${where}
  order by r.organisation_id, r.year, r.quarter desc`;

const SUMS = `count(*)::int, ${FACT_COLUMNS.split(",")
  .slice(1)
  .map((c) => `coalesce(sum(${c.trim()}), 0)::int`)
  .join(", ")}`;

/** Rolls up one year of a municipality and of its region from the facts. */
async function refreshRollups(db: DbOrTx, municipalityId: number, regionId: number, year: number) {
  for (const [level, column, id] of [
    ["municipality", "municipality_id", municipalityId],
    ["region", "region_id", regionId],
  ] as const) {
    await db.execute(
      sql.raw(`insert into indicator_rollups (level, territory_id, year, ${FACT_COLUMNS})
        select '${level}', ${Number(id)}, ${Number(year)}, ${SUMS} from indicator_facts where ${column} = ${Number(id)} and year = ${Number(year)}
        on conflict (level, territory_id, year) do update set ${FACT_COLUMNS.split(",")
          .map((c) => `${c.trim()} = excluded.${c.trim()}`)
          .join(", ")}, updated_at = now()`),
    );
    // A territory left with no fact that year has no rollup, as a rebuild (grouping the facts) makes none.
    await db.execute(
      sql.raw(
        `delete from indicator_rollups where level = '${level}' and territory_id = ${Number(id)} and year = ${Number(year)} and covered = 0`,
      ),
    );
  }
}

/**
 * Recomputes an organisation's fact for a year and the rollups above it. Called inside the transaction
 * that approves or reopens a report, so charts never disagree with the reports.
 */
export async function refreshOrganisationYear(
  db: DbOrTx,
  organisationId: number,
  year: number,
): Promise<void> {
  const id = Number(organisationId);
  const y = Number(year);
  const [org] = await execRows<{ municipality_id: number; region_id: number }>(
    db,
    sql`select o.municipality_id, m.region_id from organisations o join municipalities m on m.id = o.municipality_id where o.id = ${id}`,
  );
  // Rollups are sums over many organisations: two approvals in one region committing at the same time would
  // each write a sum that misses the other's fact. One refresh per region at a time, until the transaction ends
  // (the next one's statements then see the committed fact).
  if (org) await db.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK}, ${Number(org.region_id)})`);
  await db.execute(sql`delete from indicator_facts where organisation_id = ${id} and year = ${y}`);
  await db.execute(
    sql.raw(`insert into indicator_facts (organisation_id, year, report_id, quarter, municipality_id, region_id, ${FACT_COLUMNS})
    ${LATEST_APPROVED(`r.organisation_id = ${id} and r.year = ${y}`)}`),
  );
  if (org) await refreshRollups(db, Number(org.municipality_id), Number(org.region_id), y);
}

/**
 * Recomputes every year's fact of an organisation whose municipality or «обязана участвовать» changed, and the
 * rollups of the municipalities and regions it left and joined. Called inside the transaction of that change.
 */
export async function refreshOrganisationAllYears(db: DbOrTx, organisationId: number): Promise<void> {
  const id = Number(organisationId);
  const before = await execRows<{ municipality_id: number; region_id: number; year: number }>(
    db,
    sql`select municipality_id, region_id, year from indicator_facts where organisation_id = ${id}`,
  );
  const [org] = await execRows<{ region_id: number }>(
    db,
    sql`select m.region_id from organisations o join municipalities m on m.id = o.municipality_id where o.id = ${id}`,
  );
  const regionIds = new Set([
    ...before.map((b) => Number(b.region_id)),
    ...(org ? [Number(org.region_id)] : []),
  ]);
  for (const regionId of [...regionIds].sort((a, b) => a - b))
    await db.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK}, ${regionId})`);
  await db.execute(sql`delete from indicator_facts where organisation_id = ${id}`);
  await db.execute(
    sql.raw(`insert into indicator_facts (organisation_id, year, report_id, quarter, municipality_id, region_id, ${FACT_COLUMNS})
    ${LATEST_APPROVED(`r.organisation_id = ${id}`)}`),
  );
  const after = await execRows<{ municipality_id: number; region_id: number; year: number }>(
    db,
    sql`select municipality_id, region_id, year from indicator_facts where organisation_id = ${id}`,
  );
  const seen = new Set<string>();
  for (const t of [...before, ...after]) {
    const key = `${t.municipality_id}:${t.region_id}:${t.year}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await refreshRollups(db, Number(t.municipality_id), Number(t.region_id), Number(t.year));
  }
}

/** Class of the advisory locks that serialise rollup refreshes per region (any constant unused elsewhere). */
const ROLLUP_LOCK = 0x4e41;

/** Rebuilds every fact and rollup from the approved reports. */
export async function rebuildAggregates(db: DbOrTx): Promise<{ facts: number; rollups: number }> {
  // One transaction, so readers never see empty tables; the table lock waits for approvals in flight and holds
  // new ones back until the rebuild is committed.
  return db.transaction(async (tx) => rebuildIn(tx));
}

async function rebuildIn(db: DbOrTx): Promise<{ facts: number; rollups: number }> {
  await db.execute(sql`lock table indicator_facts, indicator_rollups in share row exclusive mode`);
  await db.execute(sql`delete from indicator_rollups`);
  await db.execute(sql`delete from indicator_facts`);
  await db.execute(
    sql.raw(
      `insert into indicator_facts (organisation_id, year, report_id, quarter, municipality_id, region_id, ${FACT_COLUMNS}) ${LATEST_APPROVED("true")}`,
    ),
  );
  for (const [level, column] of [
    ["municipality", "municipality_id"],
    ["region", "region_id"],
  ] as const) {
    await db.execute(
      sql.raw(`insert into indicator_rollups (level, territory_id, year, ${FACT_COLUMNS})
        select '${level}', ${column}, year, ${SUMS} from indicator_facts group by ${column}, year`),
    );
  }
  const [counts] = await execRows<{ facts: number; rollups: number }>(
    db,
    sql`select (select count(*)::int from indicator_facts) as facts, (select count(*)::int from indicator_rollups) as rollups`,
  );
  await db.execute(
    sql`insert into settings (key, value) values (${VERSION_KEY}, ${JSON.stringify(AGGREGATES_VERSION)}::jsonb)
        on conflict (key) do update set value = excluded.value`,
  );
  return { facts: Number(counts.facts), rollups: Number(counts.rollups) };
}

/**
 * What the aggregates hold changes with the code (2: the structure page's figures; 3: archived organisations
 * left out, as they are from the count of obliged ones); the settings row says which version the stored ones were
 * built by. Raised whenever FACT_COLUMNS, FACT_SELECT or LATEST_APPROVED change.
 */
export const AGGREGATES_VERSION = 3;
const VERSION_KEY = "indicatorAggregatesVersion";

/** At start, after the migrations: rebuilds the aggregates once when they were built by an older version. */
export async function ensureAggregatesCurrent(db: DbOrTx): Promise<boolean> {
  const [row] = await execRows<{ value: unknown }>(
    db,
    sql`select value from settings where key = ${VERSION_KEY}`,
  );
  if (row && Number(row.value) === AGGREGATES_VERSION) return false;
  await rebuildAggregates(db);
  return true;
}

/** Differences between the kept aggregates and a fresh computation from the reports (0 when in step). */
export async function verifyAggregates(db: DbOrTx): Promise<{ facts: number; rollups: number }> {
  const cols = `organisation_id, year, report_id, quarter, municipality_id, region_id, ${FACT_COLUMNS}`;
  const fresh = `select * from (${LATEST_APPROVED("true")}) latest`;
  const [f] = await execRows<{ n: number }>(
    db,
    sql.raw(
      `select count(*)::int as n from ((select ${cols} from indicator_facts except ${fresh}) union all (${fresh} except select ${cols} from indicator_facts)) d`,
    ),
  );
  const rollupCols = `level, territory_id, year, ${FACT_COLUMNS}`;
  const freshRollups = ["municipality_id", "region_id"]
    .map(
      (c) =>
        `select '${c === "region_id" ? "region" : "municipality"}', ${c}, year, ${SUMS} from indicator_facts group by ${c}, year`,
    )
    .join(" union all ");
  const [r] = await execRows<{ n: number }>(
    db,
    sql.raw(
      `select count(*)::int as n from ((select ${rollupCols} from indicator_rollups except (${freshRollups})) union all ((${freshRollups}) except select ${rollupCols} from indicator_rollups)) d`,
    ),
  );
  return { facts: Number(f.n), rollups: Number(r.n) };
}
