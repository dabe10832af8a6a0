import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { municipalities, organisations, regions, roadmapItems } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { reaches, type Permission } from "@/lib/auth/rules";
import { NotFoundError } from "@/lib/errors";
import type { RoadmapLevel } from "./domain";

/*
 * Whose roadmap a page shows or an action changes: an organisation's, a municipality's or the region's, resolved
 * against the user like lib/auth/scoped (an unknown id and one out of reach get the same «not found»).
 */
declare const VIEW: unique symbol;
declare const EDIT: unique symbol;

interface OwnerFields {
  readonly level: RoadmapLevel;
  /** The organisation's, the municipality's or the region's id. */
  readonly id: number;
  readonly organisationId: number | null;
  /** The organisation's municipality, or the municipality itself; null for the region. */
  readonly municipalityId: number | null;
  readonly regionId: number;
  /** «МБОУ СОШ № 5», «Городской округ Демоград», «Демонстрационная область». */
  readonly name: string;
}
export type RoadmapOwner = OwnerFields & { readonly [VIEW]: true };
export type EditableRoadmap = RoadmapOwner & { readonly [EDIT]: true };

export const ROADMAP_NOT_FOUND = "Дорожная карта не найдена или недоступна.";
export const ITEM_NOT_FOUND = "Мероприятие не найдено или недоступно.";

const PERMISSIONS: Record<RoadmapLevel, { view: Permission; edit: Permission }> = {
  organisation: { view: "viewOrganisation", edit: "editOrganisation" },
  municipality: { view: "viewMunicipality", edit: "editMunicipalityRoadmap" },
  region: { view: "viewRegion", edit: "editRegionRoadmap" },
};

async function ownerRow(db: DbOrTx, level: RoadmapLevel, id: number): Promise<OwnerFields | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2147483647) return null;
  if (level === "organisation") {
    const [row] = await db
      .select({
        id: organisations.id,
        municipalityId: organisations.municipalityId,
        regionId: municipalities.regionId,
        name: organisations.shortName,
      })
      .from(organisations)
      .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(eq(organisations.id, id));
    return row ? { level, organisationId: row.id, ...row } : null;
  }
  if (level === "municipality") {
    const [row] = await db
      .select({ id: municipalities.id, regionId: municipalities.regionId, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.id, id));
    return row ? { level, organisationId: null, municipalityId: row.id, ...row } : null;
  }
  const [row] = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(eq(regions.id, id));
  return row ? { level, organisationId: null, municipalityId: null, regionId: row.id, ...row } : null;
}

/** The roadmap of `level` and `id` with the access asked for, or NotFoundError. */
export async function scopeRoadmap<A extends "view" | "edit">(
  user: SessionUser,
  level: RoadmapLevel,
  id: number | null | undefined,
  access: A,
  db?: DbOrTx,
): Promise<A extends "edit" ? EditableRoadmap : RoadmapOwner> {
  const row = id == null ? null : await ownerRow(db ?? (await getDb()), level, id);
  if (!row || !reaches(user, PERMISSIONS[level][access], row)) throw new NotFoundError(ROADMAP_NOT_FOUND);
  return row as A extends "edit" ? EditableRoadmap : RoadmapOwner;
}

/** Whether the user may change this roadmap (for pages that show it to readers too). */
export function canEditRoadmap(user: SessionUser, owner: RoadmapOwner): boolean {
  return reaches(user, PERMISSIONS[owner.level].edit, owner);
}

/** The level and owner id a stored row belongs to. */
export function ownerOf(row: {
  organisationId: number | null;
  municipalityId: number | null;
  regionId: number;
}) {
  if (row.organisationId != null) return { level: "organisation" as const, id: row.organisationId };
  if (row.municipalityId != null) return { level: "municipality" as const, id: row.municipalityId };
  return { level: "region" as const, id: row.regionId };
}

/** For actions naming a row by id: its roadmap, if the user may change it («not found» otherwise). */
export async function editableRoadmapOfItem(user: SessionUser, itemId: number): Promise<EditableRoadmap> {
  const db = await getDb();
  const [row] = await db
    .select({
      organisationId: roadmapItems.organisationId,
      municipalityId: roadmapItems.municipalityId,
      regionId: roadmapItems.regionId,
    })
    .from(roadmapItems)
    .where(eq(roadmapItems.id, itemId));
  if (!row) throw new NotFoundError(ITEM_NOT_FOUND);
  const owner = ownerOf(row);
  try {
    return await scopeRoadmap(user, owner.level, owner.id, "edit", db);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(ITEM_NOT_FOUND);
    throw error;
  }
}

/** The roadmap a user lands on: their organisation's, municipality's or region's. */
export function ownRoadmapPath(user: SessionUser): string | null {
  if (user.role === "curator" && user.organisationId) return `/roadmap/org/${user.organisationId}`;
  if (user.role === "coordinator" && user.municipalityId)
    return `/roadmap/municipality/${user.municipalityId}`;
  if (user.regionId) return "/roadmap/region";
  return null;
}
