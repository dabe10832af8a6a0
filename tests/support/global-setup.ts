import postgres from "postgres";
import { openMigrated } from "../../db";
import { WORKER_DATABASES, workerDatabaseUrl } from "./worker-db";

/**
 * On PostgreSQL (TEST_DATABASE_URL), migrate that database once, then copy it into one database per test
 * worker, so that files running at the same time never see each other's writes (PGlite workers open their own
 * in-memory database and migrate it themselves).
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  await (await openMigrated({ url, dataDir: "memory://" })).close();
  const base = new URL(url).pathname.slice(1);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (let worker = 1; worker <= WORKER_DATABASES; worker++) {
      const name = new URL(workerDatabaseUrl(url, worker)).pathname.slice(1);
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.unsafe(`create database "${name}" template "${base}"`);
    }
  } finally {
    await admin.end();
  }
}
