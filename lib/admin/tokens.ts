/** One-time password links: a random 32-byte token for the user, only its SHA-256 in the database. */
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { passwordLinks } from "@/db/schema";

export const LINK_TTL_HOURS = 72;
export type LinkPurpose = "invite" | "reset";

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** Path of the page where the token is spent. */
export function passwordLinkPath(token: string): string {
  return `/set-password/${token}`;
}

/**
 * Creates a link for the user in the caller's transaction and returns its token. Earlier unused links
 * of the user stop working: only the newest one is valid.
 */
export async function createPasswordLink(
  tx: DbOrTx,
  o: { userId: number; purpose: LinkPurpose; createdById: number | null; now?: Date },
): Promise<string> {
  const now = o.now ?? new Date();
  await tx
    .update(passwordLinks)
    .set({ usedAt: now })
    .where(and(eq(passwordLinks.userId, o.userId), isNull(passwordLinks.usedAt)));
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.insert(passwordLinks).values({
    userId: o.userId,
    tokenHash: hashToken(token),
    purpose: o.purpose,
    createdById: o.createdById,
    expiresAt: new Date(now.getTime() + LINK_TTL_HOURS * 3600_000),
  });
  return token;
}
