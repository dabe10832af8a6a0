/**
 * Opens, migrates and boots the database (lib/boot.ts) as the server starts, not on the first request; then starts
 * the reminders' queue workers (REMINDERS=off leaves them out).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { boot } = await import("./lib/boot");
  const { getAuthSecret } = await import("./lib/auth/secret");
  getAuthSecret();
  // A half-set or non-https OIDC_* stops the start here, in Russian, not at the first sign-in.
  (await import("./lib/auth/oidc")).oidcSettings();
  await boot();
  // Kept pages (lib/http/kept-pages.ts): the server asks them before it hands a request to Next.js.
  (await import("./lib/http/kept-pages")).registerKeptPages();
  // Reminders (issue 13): the queue's workers run in every instance; the queue gives each job to one of them.
  const { startReminders } = await import("./lib/notifications/queue");
  await startReminders();
}
