import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import type { SessionUser } from "@/lib/auth/roles";
import { scopeMunicipality, scopeOrg, scopeRegion } from "@/lib/auth/scoped";
import { cachedFigures, surveysTag } from "@/lib/indicators/cache";
import { FORMAT_LABELS } from "@/lib/vocabulary";
import type { Format } from "@/lib/reports/domain";
import type { SurveyRole, SurveyStage } from "./questions";
import { readQuestionnaire } from "./questionnaires";
import { countText, summarise, type QuestionAggregate } from "./summary";

export type Breakdown = "format" | "programme";

/** Where the results come from: the user's organisation, municipality or region (checked by lib/auth/scoped). */
export interface ResultsScope {
  level: "organisation" | "municipality" | "region";
  id: number;
  regionId: number;
  where: SQL;
}

/** The curator's organisation, the coordinator's municipality, the region of the ministry and the admin. */
export async function resultsScope(user: SessionUser): Promise<ResultsScope> {
  if (user.role === "curator") {
    const org = await scopeOrg(user, user.organisationId, "view");
    return { level: "organisation", id: org.id, regionId: org.regionId, where: sql`o.id = ${org.id}` };
  }
  if (user.role === "coordinator") {
    const m = await scopeMunicipality(user, user.municipalityId);
    return { level: "municipality", id: m.id, regionId: m.regionId, where: sql`o.municipality_id = ${m.id}` };
  }
  const region = await scopeRegion(user);
  return { level: "region", id: region.id, regionId: region.id, where: sql`m.region_id = ${region.id}` };
}

const FROM = sql`from survey_responses r
  join programmes p on p.id = r.programme_id
  join organisations o on o.id = r.organisation_id
  join municipalities m on m.id = o.municipality_id`;

const groupKey = (by: Breakdown) => (by === "format" ? sql`p.format::text` : sql`p.id::text`);

export interface ResultGroup {
  key: string;
  label: string;
  /** For programmes outside the curator's own organisation: the organisation's short name. */
  organisation: string | null;
  before: number;
  after: number;
  beforeText: string;
  afterText: string;
}

/** The groups (formats or programmes) with answers in the scope, and how many answered before and after (cached). */
export async function resultGroups(
  scope: ResultsScope,
  role: SurveyRole,
  by: Breakdown,
): Promise<ResultGroup[]> {
  return cachedFigures(["survey-groups", scope.level, scope.id, role, by], [surveysTag(scope.regionId)], () =>
    loadGroups(scope, role, by),
  );
}

async function loadGroups(scope: ResultsScope, role: SurveyRole, by: Breakdown): Promise<ResultGroup[]> {
  const db = await getDb();
  const rows = await execRows<{ g: string; title: string; org: string; stage: SurveyStage; n: number }>(
    db,
    sql`select ${groupKey(by)} as g, min(p.title) as title, min(o.short_name) as org, r.stage, count(*)::int as n
      ${FROM}
      where r.role = ${role} and p.archived = false and ${scope.where}
      group by 1, r.stage`,
  );
  const groups = new Map<string, ResultGroup>();
  for (const r of rows) {
    const label = by === "format" ? (FORMAT_LABELS[r.g as Format] ?? r.g) : r.title;
    const g = groups.get(r.g) ?? {
      key: r.g,
      label,
      organisation: by === "programme" && scope.level !== "organisation" ? r.org : null,
      before: 0,
      after: 0,
      beforeText: "",
      afterText: "",
    };
    g[r.stage] = Number(r.n);
    groups.set(r.g, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, beforeText: countText(g.before), afterText: countText(g.after) }))
    .sort((a, b) => a.label.localeCompare(b.label, "ru") || a.key.localeCompare(b.key));
}

/**
 * Before vs after per question of the current version, for one group or (key null) the whole scope. An aggregate
 * over every answer of the scope (a region's: ~0.5 s of PostgreSQL on the region set), so kept in the data cache
 * until an answer, a questionnaire or an organisation of the region changes (lib/derived).
 */
export async function resultSummary(
  scope: ResultsScope,
  role: SurveyRole,
  by: Breakdown,
  key: string | null,
) {
  return cachedFigures(
    ["survey-summary", scope.level, scope.id, role, by, key],
    [surveysTag(scope.regionId)],
    () => loadSummary(scope, role, by, key),
  );
}

async function loadSummary(scope: ResultsScope, role: SurveyRole, by: Breakdown, key: string | null) {
  const db = await getDb();
  const version = await readQuestionnaire(db, scope.regionId, role);
  const only = key === null ? sql`true` : sql`${groupKey(by)} = ${key}`;
  const rows = await execRows<{
    q: string;
    stage: SurveyStage;
    n: number;
    mean: number | null;
    yes: number;
    bools: number;
  }>(
    db,
    sql`select e.key as q, r.stage, count(*)::int as n,
        avg(case when jsonb_typeof(e.value) = 'number' then (e.value #>> '{}')::numeric end)::float8 as mean,
        count(*) filter (where e.value = 'true'::jsonb)::int as yes,
        count(*) filter (where jsonb_typeof(e.value) = 'boolean')::int as bools
      ${FROM}
      cross join lateral jsonb_each(r.answers) e
      where r.role = ${role} and p.archived = false and ${scope.where} and ${only}
        and jsonb_typeof(e.value) in ('number', 'boolean')
      group by e.key, r.stage`,
  );
  const aggregates: QuestionAggregate[] = rows.map((r) => ({
    question: r.q,
    stage: r.stage,
    n: Number(r.n),
    mean: r.mean === null ? null : Number(r.mean),
    yes: Number(r.yes),
    bools: Number(r.bools),
  }));
  return { version: version.version, rows: summarise(version.questions, aggregates) };
}
