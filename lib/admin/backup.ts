/**
 * Backup and restore of the database: pg_dump -Fc / pg_restore for PostgreSQL (DATABASE_URL), the data
 * folder's tarball (PGlite dumpDataDir / loadDataDir) for the embedded one, only while the server is stopped.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "../../db/lock";
import { CLEAR_ALL_SQL } from "../cache/channel";

export interface Target {
  url?: string;
  dataDir?: string;
}

/** libpq variables from a URL: the password stays out of the process list. */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(u.hostname) || "localhost",
    PGPORT: u.port || "5432",
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, "")),
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const ssl = u.searchParams.get("sslmode") ?? (u.searchParams.get("ssl") === "true" ? "require" : null);
  if (ssl) env.PGSSLMODE = ssl;
  return env;
}

function run(command: string, args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...libpqEnv(url) },
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) =>
      reject(
        new Error(
          `Не удалось запустить ${command} (${(e as NodeJS.ErrnoException).code}): установите клиент PostgreSQL той же или более новой версии, что и сервер.`,
        ),
      ),
    );
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} завершился с ошибкой (код ${code}):\n${stderr.trim()}`)),
    );
  });
}

const pgdata = (dataDir: string) => path.join(dataDir, "pgdata");

/**
 * The reminders' job queue (pg-boss, lib/notifications/queue.ts) belongs to the running servers, not to the data:
 * it is neither copied nor restored (its partitioned tables cannot be dropped one by one by pg_restore --clean),
 * and the servers keep their own schedule in it. A copy made before this rule is restored without it too.
 */
const QUEUE_SCHEMA = "pgboss";

/** Writes a backup of the target to `file`; returns what kind it is. */
export async function backup(file: string, target: Target): Promise<"pg_dump" | "pglite"> {
  const out = path.resolve(file);
  if (target.url) {
    await run(
      "pg_dump",
      [
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        `--exclude-schema=${QUEUE_SCHEMA}`,
        `--file=${out}`,
      ],
      target.url,
    );
    return "pg_dump";
  }
  const dataDir = path.resolve(target.dataDir ?? ".data");
  if (!fs.existsSync(pgdata(dataDir)))
    throw new Error(`Встроенной базы в ${dataDir} нет: копировать нечего.`);
  const release = lockDataDir(dataDir);
  try {
    const db = await PGlite.create(pgdata(dataDir));
    try {
      const blob = await db.dumpDataDir("gzip");
      fs.writeFileSync(out, new Uint8Array(await blob.arrayBuffer()));
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
  return "pglite";
}

function kindOf(file: string): "pg_dump" | "pglite" | null {
  const fd = fs.openSync(file, "r");
  const head = Buffer.alloc(5);
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString("latin1") === "PGDMP") return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  return null;
}

/** Replaces the target's data with the backup in `file`. */
export async function restore(file: string, target: Target): Promise<void> {
  const src = path.resolve(file);
  if (!fs.existsSync(src)) throw new Error(`Файл ${src} не найден.`);
  const kind = kindOf(src);
  if (target.url) {
    if (kind !== "pg_dump")
      throw new Error("Это не копия pg_dump (-Fc): её нельзя восстановить в PostgreSQL.");
    await run(
      "pg_restore",
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        `--exclude-schema=${QUEUE_SCHEMA}`,
        `--dbname=${libpqEnv(target.url).PGDATABASE}`,
        src,
      ],
      target.url,
    );
    // Sessions signed out after the copy was made must not come back, nor old sign-in counts; running instances
    // keep the old data in their caches: tell them all to drop everything.
    for (const sql of [
      "update auth_sessions set revoked_at = now() where revoked_at is null",
      "delete from auth_limits",
      CLEAR_ALL_SQL,
    ])
      await run("psql", ["-v", "ON_ERROR_STOP=1", "-q", "-o", "/dev/null", "-c", sql], target.url);
    return;
  }
  if (kind !== "pglite")
    throw new Error("Это не копия встроенной базы: копию pg_dump восстанавливайте с DATABASE_URL.");
  const dataDir = path.resolve(target.dataDir ?? ".data");
  const release = lockDataDir(dataDir);
  const aside = `${pgdata(dataDir)}.before-restore-${Date.now()}`;
  try {
    if (fs.existsSync(pgdata(dataDir))) fs.renameSync(pgdata(dataDir), aside);
    try {
      const db = await PGlite.create(pgdata(dataDir), {
        loadDataDir: new Blob([new Uint8Array(fs.readFileSync(src))]),
      });
      await db.query("select 1");
      await db.close();
    } catch (error) {
      fs.rmSync(pgdata(dataDir), { recursive: true, force: true });
      if (fs.existsSync(aside)) fs.renameSync(aside, pgdata(dataDir));
      throw error;
    }
    fs.rmSync(aside, { recursive: true, force: true });
  } finally {
    release();
  }
}
