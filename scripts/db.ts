// `npm run db:migrate`, `npm run db:seed` and `npm run db:rebuild-indicators`: the same database the app would
// open (DATABASE_URL or the embedded one in DATA_DIR, while the server is stopped).
import { sql } from "drizzle-orm";
import { openMigrated } from "../db";
import { execRows } from "../db/client";
import { CLEAR_ALL_SQL } from "../lib/cache/channel";
import { resetDemo, seedDemo } from "../lib/demo";
import { rebuildAggregates, verifyAggregates } from "../lib/indicators/facts";

async function main(command: string | undefined) {
  if (command !== "migrate" && command !== "seed" && command !== "rebuild-indicators")
    throw new Error("Использование: tsx scripts/db.ts migrate | seed | rebuild-indicators");
  const handle = await openMigrated();
  try {
    if (command === "migrate") {
      console.log("Миграции применены.");
      return;
    }
    if (command === "seed") {
      const [{ regions, demo }] = await execRows<{ regions: number; demo: number }>(
        handle.db,
        sql`select count(*)::int as regions, count(*) filter (where is_demo)::int as demo from regions`,
      );
      if (regions > demo)
        throw new Error("В базе есть не демонстрационные данные: демо-регион не будет создан.");
      if (regions > 0) await resetDemo(handle.db);
      const started = Date.now();
      await seedDemo(handle.db, { log: (m) => console.log(`[seed] ${m}`) });
      console.log(`Демо-регион создан за ${((Date.now() - started) / 1000).toFixed(1)} с.`);
      // Instances running on this PostgreSQL drop what they kept of the old data.
      await handle.db.execute(sql.raw(CLEAR_ALL_SQL));
      return;
    }
    const started = Date.now();
    const built = await handle.db.transaction((tx) => rebuildAggregates(tx));
    const diff = await verifyAggregates(handle.db);
    await handle.db.execute(sql.raw(CLEAR_ALL_SQL));
    console.log(
      `Показатели пересчитаны за ${((Date.now() - started) / 1000).toFixed(1)} с: ${built.facts} записей по организациям, ${built.rollups} итогов.`,
    );
    if (diff.facts || diff.rollups)
      throw new Error(
        `Проверка не сошлась: расхождений ${diff.facts} по организациям, ${diff.rollups} в итогах.`,
      );
    console.log("Проверка: агрегаты совпадают с принятыми отчётами.");
  } finally {
    await handle.close();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
