import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { organisations } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { assertUnchanged } from "@/lib/concurrency";
import { writeTransaction } from "@/lib/derived";
import type { organisationCardSchema } from "./schemas";

/** Saves the card in one transaction with its audit record; refuses a save over a newer version. */
export async function updateOrganisationCard(
  user: SessionUser,
  org: EditableOrg,
  input: z.output<typeof organisationCardSchema>,
) {
  return writeTransaction(async (tx, changes) => {
    const [current] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, org.id))
      .for("no key update");
    assertUnchanged("Карточку", current.updatedAt, input.updatedAt);
    const { id: _id, updatedAt: _updatedAt, ...fields } = input;
    const [saved] = await tx
      .update(organisations)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(organisations.id, org.id))
      .returning({ updatedAt: organisations.updatedAt });
    await audit(tx, {
      userId: user.id,
      action: "update",
      entity: "organisation",
      entityId: org.id,
      organisationId: org.id,
      municipalityId: org.municipalityId,
      changes: diff(current as unknown as Record<string, unknown>, fields),
    });
    changes.organisation(org.id);
    return { updatedAt: saved.updatedAt.toISOString() };
  });
}
