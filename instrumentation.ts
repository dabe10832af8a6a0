/** Opens, migrates and (empty embedded database) seeds the database as the server starts, not on the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getHandle } = await import("./db");
  const { getAuthSecret } = await import("./lib/auth/secret");
  getAuthSecret();
  await getHandle();
}
