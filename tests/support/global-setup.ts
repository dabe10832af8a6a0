import { migrateDb, openDb } from "../../db/client";

/** On PostgreSQL (TEST_DATABASE_URL), migrate once before the workers start; PGlite workers migrate their own. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const handle = await openDb({ url });
  try {
    await migrateDb(handle);
  } finally {
    await handle.close();
  }
}
