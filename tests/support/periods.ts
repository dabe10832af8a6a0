/** Test set-up of a region's reporting periods, and the stamps (versions) the admin's forms open with. */
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, periods, regions } from "@/db/schema";
import { defaultDeadline, type Period } from "@/lib/reports/domain";

/** Opens (or reopens) the quarters in the region with the default deadline unless one is given. */
export async function openPeriods(
  regionId: number,
  list: Period | Period[],
  opts: { open?: boolean; deadline?: string } = {},
) {
  const db = await getDb();
  for (const p of [list].flat()) {
    const values = {
      regionId,
      year: p.year,
      quarter: p.quarter,
      deadline: opts.deadline ?? defaultDeadline(p),
      open: opts.open ?? true,
    };
    await db
      .insert(periods)
      .values(values)
      .onConflictDoUpdate({
        target: [periods.regionId, periods.year, periods.quarter],
        set: { deadline: values.deadline, open: values.open, updatedAt: new Date() },
      });
  }
}

/** The region's period row, if any. */
export async function periodRow(regionId: number, p: Period) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.regionId, regionId), eq(periods.year, p.year), eq(periods.quarter, p.quarter)));
  return row;
}

/** The region of an organisation. */
export async function regionOfOrganisation(organisationId: number): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ regionId: municipalities.regionId })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, organisationId));
  return row.regionId;
}

/** The version the targets grid of a territory opens with (the region's own plan when `municipalityId` is null). */
export async function targetsStamp(regionId: number, municipalityId: number | null = null): Promise<string> {
  const db = await getDb();
  const [row] =
    municipalityId == null
      ? await db.select({ s: regions.targetsUpdatedAt }).from(regions).where(eq(regions.id, regionId))
      : await db
          .select({ s: municipalities.targetsUpdatedAt })
          .from(municipalities)
          .where(eq(municipalities.id, municipalityId));
  return row.s.toISOString();
}

/** The version the municipality's form opens with. */
export async function municipalityStamp(municipalityId: number): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ s: municipalities.updatedAt })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row.s.toISOString();
}
