import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { documents, municipalities, organisations, programmes } from "@/db/schema";
import { PRACTICE_DOCS_SHOWN } from "./labels";
import type { ScopedMunicipality, ScopedRegion } from "@/lib/auth/scoped";
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";
import type { PracticeFilters } from "./schemas";
import { pageWindow } from "@/lib/search";

/** Where the bank looks: a coordinator's municipality, or the region of the ministry and the admin. */
export type BankScope = { municipality: ScopedMunicipality } | { region: ScopedRegion };

/** The year a practice was recognised (a flag set before the bank kept dates counts from the last change). */
export const recognisedYear = sql<number>`extract(year from coalesce(${programmes.bestPracticeAt}, ${programmes.updatedAt}))::int`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function scopeWhere(scope: BankScope): SQL {
  return "municipality" in scope
    ? eq(organisations.municipalityId, scope.municipality.id)
    : eq(municipalities.regionId, scope.region.id);
}

function filterWhere(f: PracticeFilters): SQL[] {
  const out: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    out.push(
      or(
        ilike(programmes.title, like),
        ilike(programmes.goal, like),
        ilike(programmes.achievedResults, like),
        ilike(programmes.expectedResults, like),
        ilike(programmes.bestPracticeNote, like),
        ilike(organisations.shortName, like),
        ilike(organisations.fullName, like),
      )!,
    );
  }
  if (f.format) out.push(eq(programmes.format, f.format));
  if (f.roleModel) out.push(ilike(programmes.roleModel, `%${escapeLike(f.roleModel)}%`));
  if (f.level) out.push(eq(programmes.bestPracticeLevel, f.level));
  if (f.year) out.push(sql`${recognisedYear} = ${f.year}`);
  return out;
}

/** Practices per page of the bank: each card carries its programme, results, documents and contacts. */
export const BANK_PAGE = 20;

const columns = {
  id: programmes.id,
  title: programmes.title,
  format: programmes.format,
  roleModel: programmes.roleModel,
  goal: programmes.goal,
  expectedResults: programmes.expectedResults,
  achievedResults: programmes.achievedResults,
  startDate: programmes.startDate,
  endDate: programmes.endDate,
  level: programmes.bestPracticeLevel,
  note: programmes.bestPracticeNote,
  year: recognisedYear,
  organisation: {
    id: organisations.id,
    shortName: organisations.shortName,
    slug: organisations.slug,
    address: organisations.address,
    phone: organisations.phone,
    email: organisations.email,
    website: organisations.website,
    curatorName: organisations.curatorName,
    curatorContact: organisations.curatorContact,
  },
  municipality: municipalities.name,
};

/**
 * The bank: recognised programmes in the scope, filtered, the regional ones first, then the newest; each with the
 * organisation's public contacts and public documents in force. No person of the registers is read.
 */
export async function practiceBank(scope: BankScope, f: PracticeFilters, page = 1) {
  const db = await getDb();
  const where = and(
    scopeWhere(scope),
    eq(programmes.bestPractice, true),
    eq(programmes.archived, false),
    eq(organisations.archived, false),
    ...filterWhere(f),
  );
  const [{ n }] = await db
    .select({ n: count() })
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(where);
  const { pages, page: current, offset } = pageWindow(n, BANK_PAGE, page);
  const rows = await db
    .select(columns)
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(where)
    .orderBy(
      sql`${programmes.bestPracticeLevel} = 'regional' desc nulls last`,
      desc(recognisedYear),
      asc(programmes.title),
      asc(programmes.id),
    )
    .limit(BANK_PAGE)
    .offset(offset);
  const docs = await publicDocumentsOf([...new Set(rows.map((r) => r.organisation.id))]);
  return {
    // A card lists the first few documents and counts the rest (the organisation's page has them all): a page
    // of cards sends only those, as data, to the browser.
    practices: rows.map((r) => {
      const all = docs.get(r.organisation.id) ?? [];
      return {
        ...r,
        documents: all.slice(0, PRACTICE_DOCS_SHOWN),
        moreDocuments: Math.max(0, all.length - PRACTICE_DOCS_SHOWN),
      };
    }),
    total: n,
    page: current,
    pages,
  };
}

export type BankPractice = Awaited<ReturnType<typeof practiceBank>>["practices"][number];

/** The public documents in force of the organisations, the newest first. */
async function publicDocumentsOf(orgIds: number[]) {
  const out = new Map<
    number,
    { id: number; title: string; type: string; number: string; date: string | null; fileId: number | null }[]
  >();
  if (orgIds.length === 0) return out;
  const db = await getDb();
  const rows = await db
    .select({
      id: documents.id,
      organisationId: documents.organisationId,
      title: documents.title,
      type: documents.type,
      number: documents.number,
      date: documents.date,
      fileId: documents.fileId,
    })
    .from(documents)
    .where(
      and(
        inArray(documents.organisationId, orgIds),
        eq(documents.public, true),
        eq(documents.inForce, true),
        eq(documents.archived, false),
      ),
    )
    .orderBy(
      // What tells most about a practice first: the programme itself, the regulation, the roadmap.
      sql`case ${documents.type} when 'personalised_programme' then 0 when 'regulation_approval' then 1 when 'roadmap' then 2 when 'model_introduction' then 3 else 4 end`,
      sql`${documents.date} desc nulls last`,
      desc(documents.id),
    );
  for (const d of rows) {
    const list = out.get(d.organisationId) ?? [];
    list.push({ ...d, type: DOCUMENT_TYPE_LABELS[d.type] ?? "Документ" });
    out.set(d.organisationId, list);
  }
  return out;
}

/** Programmes the curators proposed that are not in the bank yet, in the scope: what a coordinator reviews. */
export async function proposedPractices(scope: BankScope) {
  const db = await getDb();
  return db
    .select({
      id: programmes.id,
      title: programmes.title,
      format: programmes.format,
      organisationId: organisations.id,
      organisation: organisations.shortName,
      municipality: municipalities.name,
    })
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(
      and(
        scopeWhere(scope),
        eq(programmes.bestPracticeProposed, true),
        eq(programmes.bestPractice, false),
        eq(programmes.archived, false),
        eq(organisations.archived, false),
      ),
    )
    .orderBy(asc(organisations.shortName), asc(programmes.title))
    .limit(100);
}

/** The years in which practices of the scope were recognised, newest first (the year filter's choices). */
export async function practiceYears(scope: BankScope): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ year: recognisedYear })
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(and(scopeWhere(scope), eq(programmes.bestPractice, true), eq(programmes.archived, false)));
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}
