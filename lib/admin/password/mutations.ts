import "server-only";
import { hash } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { passwordLinks, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { createPasswordLink, hashToken } from "../tokens";

export type LinkState =
  { ok: true; name: string; email: string; purpose: "invite" | "reset" } | { ok: false; message: string };

const INVALID =
  "Ссылка недействительна. Попросите администратора или муниципального координатора выдать новую.";
const USED =
  "Эта ссылка уже использована или заменена новой. Если пароль не задан, попросите выдать новую ссылку.";
const EXPIRED =
  "Срок действия ссылки (72 часа) истёк. Попросите администратора или координатора выдать новую или воспользуйтесь «Забыли пароль?» на странице входа.";

function stateOf(
  row: { link: typeof passwordLinks.$inferSelect; user: typeof users.$inferSelect } | undefined,
  now: Date,
): LinkState {
  if (!row || !row.user.active) return { ok: false, message: INVALID };
  if (row.link.usedAt) return { ok: false, message: USED };
  if (row.link.expiresAt.getTime() <= now.getTime()) return { ok: false, message: EXPIRED };
  return { ok: true, name: row.user.name, email: row.user.email, purpose: row.link.purpose };
}

/** Whether a link can still be used, for the page that opens it (nothing is changed). */
export async function passwordLinkState(token: string, now = new Date()): Promise<LinkState> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, message: INVALID };
  const db = await getDb();
  const [row] = await db
    .select({ link: passwordLinks, user: users })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(eq(passwordLinks.tokenHash, hashToken(token)));
  return stateOf(row, now);
}

/** Spends the link: sets the password, ends the account's other sessions, records it (without the password). */
export async function setPasswordWithLink(token: string, password: string, now = new Date()) {
  const passwordHash = await hash(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ link: passwordLinks, user: users })
      .from(passwordLinks)
      .innerJoin(users, eq(users.id, passwordLinks.userId))
      .where(eq(passwordLinks.tokenHash, hashToken(token)))
      .for("no key update");
    const state = stateOf(row, now);
    if (!state.ok) throw new DomainError(state.message);
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, row!.user.id));
    await tx.update(passwordLinks).set({ usedAt: now }).where(eq(passwordLinks.id, row!.link.id));
    await audit(tx, {
      userId: row!.user.id,
      action: "set_password",
      entity: "user",
      entityId: row!.user.id,
      organisationId: row!.user.organisationId,
      municipalityId: row!.user.municipalityId,
      changes: { purpose: row!.link.purpose },
    });
    return { email: row!.user.email };
  });
}

/** For «Забыли пароль?»: a reset link for an active account with this e-mail, or null (nothing written). */
export async function requestReset(email: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user || !user.active) return null;
    const token = await createPasswordLink(tx, { userId: user.id, purpose: "reset", createdById: null });
    await audit(tx, {
      userId: null,
      action: "password_link",
      entity: "user",
      entityId: user.id,
      organisationId: user.organisationId,
      municipalityId: user.municipalityId,
      changes: { purpose: "reset", requestedBy: "self" },
    });
    return { user, token };
  });
}
