import type { SessionUser } from "@/lib/auth/roles";

/** The user the mocked guard returns. In a test file:
 *  vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
 *  vi.mock("next/cache", () => import("./support/mock-cache")); */
const state: { user: SessionUser | null } = { user: null };

export function signInAs(user: SessionUser | null) {
  state.user = user;
}

export function sessionUser() {
  return state.user;
}
