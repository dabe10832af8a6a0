// `npm run admin:create -- --email a@b.ru --name "…" --region "…"`: the first admin of a database, with a
// one-time link to set the password. Works on DATABASE_URL or, while the server is stopped, the embedded one.
import { parseArgs } from "node:util";
import { openMigrated } from "../db";
import { createAdmin, firstAdminSchema } from "../lib/admin/first-admin";
import { LINK_TTL_HOURS } from "../lib/admin/tokens";
import { mailConfig } from "../lib/mail/config";

const USAGE =
  'Использование: npm run admin:create -- --email admin@example.ru --name "Фамилия Имя Отчество" --region "Название региона"';

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, region: { type: "string" } },
    allowPositionals: true,
  });
  const parsed = firstAdminSchema.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join("\n")}\n${USAGE}`);
  const handle = await openMigrated();
  try {
    const appUrl = mailConfig().appUrl ?? "http://localhost:3000";
    const result = await createAdmin(handle.db, parsed.data, appUrl);
    if (result.regionCreated) console.log(`Создан регион «${result.regionName}».`);
    console.log(`Администратор ${parsed.data.email} создан (регион «${result.regionName}»).`);
    console.log(`Ссылка, чтобы задать пароль (действует ${LINK_TTL_HOURS} часа, один раз):\n${result.link}`);
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
