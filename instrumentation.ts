/** Opens, migrates and boots the database (lib/boot.ts) as the server starts, not on the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { boot } = await import("./lib/boot");
  const { getAuthSecret } = await import("./lib/auth/secret");
  getAuthSecret();
  // A half-set or non-https OIDC_* stops the start here, in Russian, not at the first sign-in.
  (await import("./lib/auth/oidc")).oidcSettings();
  await boot();
}
