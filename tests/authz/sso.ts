import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** A curator of the organisation whose regional identity is bound, made for one attempt. */
async function boundCuratorIn(organisationId: number) {
  const db = await getDb();
  const id = uid();
  const [u] = await db
    .insert(users)
    .values({
      email: `mx-sso-${id}@test.local`,
      name: `Куратор ${id}`,
      role: "curator",
      organisationId,
      oidcIssuer: "https://sso.test.local/realms/edu",
      oidcSubject: `subject-${id}`,
      oidcBoundAt: new Date(),
    })
    .returning();
  return u;
}

export const rows: Record<string, MatrixRow> = {
  ssoSignInAction: {
    public: "starts a regional sign-in: the provider authenticates, the callback decides the account",
  },
  unbindSsoAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const u = await boundCuratorIn(targetOrg(ctx));
      const { unbindSsoAction } = await import("@/lib/admin/users/actions");
      return ctx.act(() => unbindSsoAction({ userId: u.id }));
    },
  },
};
