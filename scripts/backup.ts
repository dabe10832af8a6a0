// `npm run backup -- <file>` and `npm run restore -- <file>`: the database the app would open
// (DATABASE_URL, or the embedded one in DATA_DIR while the server is stopped).
import { backup, restore } from "../lib/admin/backup";
import { env } from "../lib/env";

async function main(command: string | undefined, file: string | undefined) {
  if ((command !== "backup" && command !== "restore") || !file)
    throw new Error("Использование: npm run backup -- <файл>  |  npm run restore -- <файл>");
  const e = env();
  const target = { url: e.DATABASE_URL, dataDir: e.dataDir };
  const where = e.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `встроенная база ${e.dataDir}`;
  if (command === "backup") {
    const kind = await backup(file, target);
    console.log(
      `Резервная копия (${kind === "pg_dump" ? "pg_dump -Fc" : "архив папки PGlite"}) записана в ${file}: ${where}.`,
    );
  } else {
    await restore(file, target);
    console.log(`База восстановлена из ${file}: ${where}. Запустите сервер.`);
  }
}

main(process.argv[2], process.argv[3]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
