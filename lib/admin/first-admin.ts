/**
 * The first admin of a production database (`npm run admin:create`): the region if missing (with its standard
 * periods), the account, a link.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { periods, regions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { quarterIn } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { ensureQuestionnaires } from "@/lib/surveys/questionnaires";
import { standardPeriods } from "./periods/standard";
import { nameSlug } from "./slug";
import { createPasswordLink, passwordLinkPath } from "./tokens";

export const firstAdminSchema = z.object({
  email: z
    .string({ message: "--email: укажите адрес электронной почты." })
    .trim()
    .toLowerCase()
    .email("--email: укажите адрес электронной почты полностью."),
  name: z
    .string({ message: "--name: укажите ФИО администратора." })
    .trim()
    .min(3, "--name: укажите ФИО (не короче 3 символов).")
    .max(200),
  region: z
    .string({ message: "--region: укажите название региона." })
    .trim()
    .min(3, "--region: укажите название региона (не короче 3 символов).")
    .max(200),
});

export async function createAdmin(
  db: Db,
  input: z.output<typeof firstAdminSchema>,
  appUrl: string,
): Promise<{ link: string; regionCreated: boolean; regionName: string }> {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken)
      throw new DomainError(
        `Пользователь с адресом ${input.email} уже есть. Выдайте ему новую ссылку в разделе «Пользователи» или укажите другой адрес.`,
      );
    let [region] = await tx
      .select()
      .from(regions)
      .where(sql`lower(${regions.name}) = lower(${input.region})`);
    const regionCreated = !region;
    if (!region) {
      const base = nameSlug(input.region) || "region";
      const codes = new Set((await tx.select({ code: regions.code }).from(regions)).map((r) => r.code));
      let code = base;
      for (let i = 2; codes.has(code); i++) code = `${base}-${i}`;
      [region] = await tx.insert(regions).values({ name: input.region, code }).returning();
      // Periods belong to a region: a new one starts with the standard ones, as the migration gave each region.
      await tx.insert(periods).values(standardPeriods(region.id, quarterIn(region.timeZone)));
      // …and the default monitoring questionnaires (seed 001 §7.4–7.5), which its admin may edit.
      await ensureQuestionnaires(tx, region.id);
    }
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: "admin", regionId: region.id })
      .returning();
    const token = await createPasswordLink(tx, { userId: user.id, purpose: "invite", createdById: null });
    await audit(tx, {
      userId: null,
      action: "create",
      entity: "user",
      entityId: user.id,
      changes: { email: user.email, role: "admin", regionId: region.id, regionCreated, via: "admin:create" },
    });
    return {
      link: `${appUrl.replace(/\/+$/, "")}${passwordLinkPath(token)}`,
      regionCreated,
      regionName: region.name,
    };
  });
}
