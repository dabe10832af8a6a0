import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, programmes } from "@/db/schema";
import { recognisedYear } from "@/lib/practices/queries";
import { cachedPublic, regionTag } from "./cache";

/** A best practice as open data shows it: the programme and its organisation, never a person. */
export interface OpenPractice {
  id: number;
  title: string;
  format: string;
  roleModel: string;
  goal: string;
  results: string;
  note: string;
  level: string | null;
  year: number;
  organisation: string;
  slug: string;
  municipality: string;
}

/**
 * The region's best practices for its open data, the regional ones first, then the newest. Cached under the
 * region's tag: marking a practice changes an organisation's content, which drops that tag (lib/derived).
 */
export function openPractices(regionId: number): Promise<OpenPractice[]> {
  return cachedPublic(["practices", String(regionId)], [regionTag(regionId)], async () => {
    const db = await getDb();
    const rows = await db
      .select({
        id: programmes.id,
        title: programmes.title,
        format: programmes.format,
        roleModel: programmes.roleModel,
        goal: programmes.goal,
        achieved: programmes.achievedResults,
        expected: programmes.expectedResults,
        note: programmes.bestPracticeNote,
        level: programmes.bestPracticeLevel,
        year: recognisedYear,
        organisation: organisations.shortName,
        slug: organisations.slug,
        municipality: municipalities.name,
      })
      .from(programmes)
      .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
      .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(
        and(
          eq(municipalities.regionId, regionId),
          eq(programmes.bestPractice, true),
          eq(programmes.archived, false),
          eq(organisations.archived, false),
        ),
      )
      .orderBy(
        sql`${programmes.bestPracticeLevel} = 'regional' desc nulls last`,
        desc(recognisedYear),
        asc(organisations.shortName),
        asc(programmes.title),
      );
    return rows.map(({ achieved, expected, ...r }) => ({
      ...r,
      year: Number(r.year),
      results: achieved || expected,
    }));
  });
}
