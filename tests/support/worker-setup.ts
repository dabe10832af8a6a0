import { WORKER_DATABASES, workerDatabaseUrl } from "./worker-db";
// The app's start-up sequence (migrate → demo when wanted → aggregates), run by the first getDb() of a test file.
import "@/lib/boot";

// Runs in each test worker before its test file is loaded: point the app's db module at this worker's copy.
const url = process.env.TEST_DATABASE_URL;
if (url) {
  const worker = Number(process.env.VITEST_POOL_ID ?? "1");
  if (!(worker >= 1 && worker <= WORKER_DATABASES)) {
    throw new Error(`VITEST_POOL_ID ${worker}: raise WORKER_DATABASES in tests/support/worker-db.ts`);
  }
  process.env.DATABASE_URL = workerDatabaseUrl(url, worker);
}
