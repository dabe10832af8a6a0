/**
 * Backup and restore: a copy restored into a fresh database holds the same rows (counts and checksums).
 * The embedded database (PGlite data-folder tarball) always; PostgreSQL (pg_dump -Fc / pg_restore) when
 * TEST_DATABASE_URL is set, into a second database named after it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { execRows, migrateDb, openDb, type Db } from "@/db/client";
import { municipalities, organisations, regions, users } from "@/db/schema";
import { backup, restore } from "@/lib/admin/backup";
import { createBoss, prepareQueues } from "@/lib/notifications/queue";
import { createTenant } from "./support/factories";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nastavnik-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Row count and an md5 over the rows, per table, for the rows of one region. */
async function fingerprint(db: Db, regionId: number) {
  const q = (from: string) =>
    execRows<{ n: number; sum: string }>(
      db,
      sql.raw(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from (${from}) t`,
      ),
    ).then(([r]) => ({ n: Number(r.n), sum: r.sum }));
  const munis = `select id from municipalities where region_id = ${regionId}`;
  const orgs = `select id from organisations where municipality_id in (${munis})`;
  return {
    regions: await q(`select * from regions where id = ${regionId}`),
    municipalities: await q(`select * from municipalities where region_id = ${regionId}`),
    organisations: await q(`select * from organisations where municipality_id in (${munis})`),
    users: await q(
      `select * from users where region_id = ${regionId} or municipality_id in (${munis}) or organisation_id in (${orgs})`,
    ),
    audit: await q(`select * from audit_log where organisation_id in (${orgs})`),
    migrations: await q(`select hash from drizzle.__drizzle_migrations`),
  };
}

describe("embedded database (PGlite)", () => {
  it("restores the data folder from its tarball, undoing later changes", async () => {
    const dataDir = path.join(tmp, "pglite");
    let handle = await openDb({ dataDir });
    await migrateDb(handle);
    const [region] = await handle.db
      .insert(regions)
      .values({ name: "Резервная область", code: "backup-test" })
      .returning();
    const [m] = await handle.db
      .insert(municipalities)
      .values({ regionId: region.id, name: "Район", slug: "bk-m" })
      .returning();
    await handle.db
      .insert(organisations)
      .values({ municipalityId: m.id, fullName: "Школа № 1", shortName: "СОШ 1", slug: "bk-1" });
    await handle.db
      .insert(users)
      .values({ email: "bk@test.local", name: "Резерв", role: "coordinator", municipalityId: m.id });
    const before = await fingerprint(handle.db, region.id);
    await handle.close();

    const file = path.join(tmp, "embedded.tar.gz");
    expect(await backup(file, { dataDir })).toBe("pglite");
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    handle = await openDb({ dataDir });
    await handle.db
      .insert(organisations)
      .values({ municipalityId: m.id, fullName: "Лишняя", shortName: "Лишняя", slug: "bk-2" });
    await handle.db.execute(sql`update users set name = 'Изменено' where email = 'bk@test.local'`);
    expect((await fingerprint(handle.db, region.id)).organisations.n).toBe(2);
    await handle.close();

    await restore(file, { dataDir });
    handle = await openDb({ dataDir });
    try {
      expect(await fingerprint(handle.db, region.id)).toEqual(before);
      expect(before.organisations.n).toBe(1);
    } finally {
      await handle.close();
    }
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith("pgdata."))).toEqual([]);
  });

  it("refuses a file that is not a backup of the embedded database", async () => {
    const file = path.join(tmp, "junk.bin");
    fs.writeFileSync(file, "not a backup");
    await expect(restore(file, { dataDir: path.join(tmp, "pglite") })).rejects.toThrow(
      /не копия встроенной базы/,
    );
  });
});

// This worker's copy of the PostgreSQL test database (tests/support/worker-setup.ts).
const url = process.env.TEST_DATABASE_URL ? process.env.DATABASE_URL : undefined;

describe.skipIf(!url)("PostgreSQL (pg_dump -Fc / pg_restore)", () => {
  it("restores a dump into a fresh database with the same rows", async () => {
    const source = new URL(url!);
    const targetName = `${source.pathname.slice(1)}_restore`;
    const target = new URL(url!);
    target.pathname = `/${targetName}`;
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${targetName}"`);
    await admin.unsafe(`create database "${targetName}"`);
    try {
      const t = await createTenant("backup");
      const src = await openDb({ url: url! });
      const before = await fingerprint(src.db, t.regionId);
      expect(before.organisations.n).toBe(3);
      const file = path.join(tmp, "pg.dump");
      expect(await backup(file, { url: url! })).toBe("pg_dump");
      await restore(file, { url: target.toString() });
      const dst = await openDb({ url: target.toString() });
      try {
        expect(await fingerprint(dst.db, t.regionId)).toEqual(before);
      } finally {
        await dst.close();
        await src.close();
      }
    } finally {
      await admin.unsafe(`drop database if exists "${targetName}" with (force)`);
      await admin.end();
    }
  });

  it("restores over a running database whose reminders' queue (pg-boss) is there on both sides", async () => {
    const source = new URL(url!);
    const targetName = `${source.pathname.slice(1)}_restore_q`;
    const target = new URL(url!);
    target.pathname = `/${targetName}`;
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${targetName}"`);
    await admin.unsafe(`create database "${targetName}"`);
    const src = await openDb({ url: url! });
    const dst = await openDb({ url: target.toString() });
    await migrateDb(dst);
    // The queue's partitioned tables on both sides, as the servers leave them.
    const bosses = [createBoss(src, { url: url! }), createBoss(dst, { url: target.toString() })];
    try {
      for (const boss of bosses) {
        boss.on("error", () => {});
        await boss.start();
        await prepareQueues(boss);
      }
      const t = await createTenant("backup-q");
      const before = await fingerprint(src.db, t.regionId);
      const file = path.join(tmp, "pg-queue.dump");
      await backup(file, { url: url! });
      await restore(file, { url: target.toString() });
      expect(await fingerprint(dst.db, t.regionId)).toEqual(before);
      // The target's queue is untouched and still takes jobs.
      expect(await bosses[1].send("reminders-scan", {})).toBeTruthy();
    } finally {
      for (const boss of bosses) await boss.stop({ graceful: false }).catch(() => {});
      await dst.close();
      await src.close();
      await admin.unsafe(`drop database if exists "${targetName}" with (force)`);
      await admin.end();
    }
  });
});
