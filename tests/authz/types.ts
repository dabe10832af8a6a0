import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import type { Tenant } from "../support/factories";

export type Target = "own" | "sibling" | "otherRegion";
export type Actor = "curator" | "coordinator" | "ministry" | "admin";

export interface AttemptContext {
  t: Tenant;
  other: Tenant;
  actor: Actor;
  target: Target;
}

/** One row of the authorisation matrix: a server action and who may call it on their own scope. */
export interface MatrixRow {
  /** Actions anyone may call (sign-in): not part of the matrix. */
  public?: true;
  /** Who may act on their own scope; everyone else, and everyone on a sibling or another region, is refused. */
  allowed?: Actor[];
  /** Calls the action as the signed-in user against a record of the target scope. */
  attempt?: (ctx: AttemptContext) => Promise<ActionResult<unknown>>;
}

/** The organisation that "own", "sibling" and "other region" mean for a role. */
export function targetOrg({ t, other, actor, target }: AttemptContext): number {
  if (target === "otherRegion") return other.orgId;
  if (target === "sibling")
    return actor === "coordinator"
      ? t.otherMunicipalityOrgId
      : actor === "curator"
        ? t.siblingOrgId
        : other.orgId;
  return t.orgId;
}

export async function organisationInput(id: number) {
  const db = await getDb();
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id));
  return { ...o, updatedAt: o.updatedAt.toISOString(), phone: `${Date.now()}` };
}
