import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations } from "@/db/schema";
import { isCurrentVersion } from "@/lib/admin/version";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { canEditOrganisation } from "@/lib/auth/scope";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { z } from "zod";
import type { organisationCardSchema } from "./schemas";

/** Saves the card in one transaction with its audit record; refuses a save over a newer version. */
export async function updateOrganisationCard(
  user: SessionUser,
  input: z.output<typeof organisationCardSchema>,
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ org: organisations, regionId: municipalities.regionId })
      .from(organisations)
      .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(eq(organisations.id, input.id))
      .for("update");
    if (
      !row ||
      !canEditOrganisation(user, {
        id: row.org.id,
        municipalityId: row.org.municipalityId,
        regionId: row.regionId,
      })
    ) {
      throw new NotFoundError("Организация не найдена или недоступна.");
    }
    if (!isCurrentVersion(row.org.updatedAt, input.updatedAt)) {
      throw new ConflictError(
        `Карточку уже изменили (${formatDateTime(row.org.updatedAt)}), пока вы её редактировали. Обновите страницу, чтобы увидеть новые данные, и внесите правки снова.`,
      );
    }
    const { id, updatedAt, ...fields } = input;
    void updatedAt;
    const changes = diff(row.org as unknown as Record<string, unknown>, fields);
    const [saved] = await tx
      .update(organisations)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(organisations.id, id))
      .returning({ updatedAt: organisations.updatedAt });
    await audit(tx, {
      userId: user.id,
      action: "update",
      entity: "organisation",
      entityId: id,
      organisationId: id,
      municipalityId: row.org.municipalityId,
      changes,
    });
    return { updatedAt: saved.updatedAt.toISOString() };
  });
}
