import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import type { Tenant } from "../support/factories";

export type Target = "own" | "sibling" | "otherRegion";
export type Actor = "curator" | "coordinator" | "ministry" | "admin" | "federal";
/** «federal»: the federal level, of no region; its reach is the country (figures only, never personal data). */
export const ACTORS: readonly Actor[] = ["curator", "coordinator", "ministry", "admin", "federal"];
export const TARGETS: readonly Target[] = ["own", "sibling", "otherRegion"];

/** Why a signed-in attempt is refused: the role may not at all, the record is out of reach, the workflow says no. */
export type Reason = "forbidden" | "not_found" | "refused" | "conflict";

/** What the case expects: success, or a refusal for a reason. */
export type Outcome = "ok" | Reason | "signed_out";

export interface AttemptContext<In = ActionResult<unknown>, Out = In> {
  t: Tenant;
  other: Tenant;
  actor: Actor;
  target: Target;
  /** Runs the call under test; the matrix fingerprints the database around it, so set-up goes before. */
  act: (call: () => Promise<In>) => Promise<Out>;
}

/** Rows that anyone may call (signing in, public pages): not tried per role, but each says why. */
export interface PublicRow {
  public: string;
}

/** Who succeeds, and why the others are refused. */
export interface Expectations {
  /** Who succeeds on their own scope. */
  allowed: readonly Actor[];
  /**
   * Refusal reasons other than the defaults (a role not in `allowed` → "forbidden", an allowed role on
   * a sibling or another region → "not_found"), by actor or by "actor:target".
   */
  reasons?: Partial<Record<Actor | `${Actor}:${Target}`, Reason>>;
  /** The targets that exist for the record (default: all three). */
  targets?: readonly Target[];
}

export interface GuardedRow<In, Out> extends Expectations {
  public?: undefined;
  /** Sets up a record of the target scope, then calls the action or route through `ctx.act`. */
  attempt: (ctx: AttemptContext<In, Out>) => Promise<Out>;
}

/** One row of the action matrix: a server action and who may call it on which scope. */
export type MatrixRow = PublicRow | GuardedRow<ActionResult<unknown>, ActionResult<unknown>>;

/** The expected outcome of an actor's attempt on a target. */
export function expectation(row: Expectations, actor: Actor, target: Target): Outcome {
  if (target === "own" && row.allowed.includes(actor)) return "ok";
  // The federal level reaches every region: allowed anywhere, unless the row says otherwise for a target.
  if (actor === "federal" && row.allowed.includes(actor)) return row.reasons?.[`${actor}:${target}`] ?? "ok";
  return (
    row.reasons?.[`${actor}:${target}`] ??
    row.reasons?.[actor] ??
    (row.allowed.includes(actor) ? "not_found" : "forbidden")
  );
}

/** The organisation that "own", "sibling" and "other region" mean for a role. */
export function targetOrg({
  t,
  other,
  actor,
  target,
}: Pick<AttemptContext, "t" | "other" | "actor" | "target">): number {
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

/** The municipality of an organisation (the target of municipality-wide actions and routes). */
export async function municipalityOf(orgId: number): Promise<number> {
  const db = await getDb();
  const [o] = await db
    .select({ m: organisations.municipalityId })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return o.m;
}
