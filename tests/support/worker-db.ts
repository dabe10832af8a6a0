/** How many per-worker copies of the PostgreSQL test database global-setup makes (≥ vitest's maxWorkers). */
export const WORKER_DATABASES = 4;

export function workerDatabaseUrl(url: string, worker: number): string {
  const u = new URL(url);
  u.pathname = `/${u.pathname.slice(1)}_w${worker}`;
  return u.toString();
}
