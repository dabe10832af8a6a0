/**
 * What users wait for: every signed-in page of every role, served by the production build in TWO server
 * processes behind nginx (deploy/nginx.conf), under concurrent users — 20 for the ministry's, federal, coordinator's
 * and admin's pages, 50 for the curator's. For each page: the server CPU per request read from /proc of both
 * processes (stable on a noisy machine where wall times are not), the median and p95, each against `/login` and
 * against the raw SQL of the page's figures run with the same concurrency straight on PostgreSQL in the same run.
 *
 * The page list is data: the roles of ROLES that have a demo account, each with its navigation (navFor) and the
 * detail pages found in the data; a role without an account (e.g. one added by another branch) is skipped.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { navFor } from "../components/shell/nav";
import { ROLES, type Role, type SessionUser } from "../lib/auth/roles";
import { DEMO_ACCOUNTS } from "../lib/demo/accounts";
import { signInHttp } from "../tests/e2e/browser";

export interface PagesOptions {
  url: string;
  /** nginx listens here; the two app processes on port + 1 and port + 2. */
  port: number;
  /** Measured seconds per page (the raw SQL runs half as long). */
  seconds: number;
}

interface Page {
  role: Role | "public";
  what: string;
  path: string;
  users: number;
  /** The SQL of the page's figures, run as the page would (same parameters). */
  figures?: (sql: postgres.Sql) => Promise<unknown>;
}

interface Result {
  requests: number;
  errors: number;
  median: number;
  p95: number;
  cpuMs?: number;
}

const TICK = 100; // clock ticks per second in /proc/<pid>/stat
const YEARS = [2021, 2024] as const;

async function importScript<T>(name: string): Promise<T> {
  return (await import(pathToFileURL(path.join(process.cwd(), "scripts", name)).href)) as T;
}

/** utime + stime of a process and its children, in seconds. */
function cpuSeconds(pids: number[]): number {
  const all = pids.flatMap((pid) => [
    pid,
    ...spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .stdout.split(/\s+/)
      .filter(Boolean)
      .map(Number),
  ]);
  let ticks = 0;
  for (const p of all) {
    try {
      const f = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone */
    }
  }
  return ticks / TICK;
}

async function waitFor(url: string, seconds: number) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`нет ответа от ${url} за ${seconds} с`);
}

/** `users` callers at once for `seconds`: latencies, errors (anything but `ok`). */
async function hammer(
  users: number,
  seconds: number,
  call: () => Promise<boolean>,
): Promise<Omit<Result, "cpuMs">> {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await call();
        } catch {
          ok = false;
        }
        times.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? NaN;
  return { requests: times.length, errors, median: at(0.5), p95: at(0.95) };
}

interface Found {
  regionId: number;
  municipalityId: number;
  orgId: number;
  personId: number;
  programmeId: number;
  period: string;
  year: number;
  quarter: number;
  municipalityOrg: number;
}

/** Real addresses in the data: the demo accounts' region, municipality and organisation and their records. */
async function discover(sql: postgres.Sql): Promise<Found> {
  const curator = DEMO_ACCOUNTS.find((a) => a.role === "curator")!;
  const coordinator = DEMO_ACCOUNTS.find((a) => a.role === "coordinator")!;
  const [u] = await sql`select organisation_id from users where email = ${curator.email}`;
  const [c] = await sql`select municipality_id from users where email = ${coordinator.email}`;
  const orgId = Number(u.organisation_id);
  const municipalityId = Number(c.municipality_id);
  const [m] = await sql`select region_id from municipalities where id = ${municipalityId}`;
  const [p] = await sql`select id from persons where organisation_id = ${orgId} order by id limit 1`;
  const [g] = await sql`select id from programmes where organisation_id = ${orgId} order by id limit 1`;
  const [r] =
    await sql`select year, quarter from reports where organisation_id = ${orgId} order by year desc, quarter desc limit 1`;
  const [o] =
    await sql`select id from organisations where municipality_id = ${municipalityId} and id <> ${orgId} order by id limit 1`;
  return {
    regionId: Number(m.region_id),
    municipalityId,
    orgId,
    personId: Number(p.id),
    programmeId: Number(g.id),
    year: Number(r.year),
    quarter: Number(r.quarter),
    period: `${r.year}-${r.quarter}`,
    municipalityOrg: Number(o.id),
  };
}

/** The figures of each page as raw SQL: what its numbers are read from, with the page's parameters. */
function figuresOf(role: Role, pagePath: string, f: Found): Page["figures"] {
  const [from, to] = YEARS;
  const pathOnly = pagePath.split("?")[0];
  const regionRollups = (sql: postgres.Sql) =>
    Promise.all([
      sql`select * from indicator_rollups where level = 'region' and territory_id = ${f.regionId} and year between ${from} and ${to}`,
      sql`select count(*)::int from organisations o join municipalities m on m.id = o.municipality_id where o.obliged and not o.archived and m.region_id = ${f.regionId}`,
      sql`select indicator, year, value from targets where region_id = ${f.regionId} and municipality_id is null and year between ${from} and ${to}`,
    ]);
  const muniRollups = (sql: postgres.Sql) =>
    Promise.all([
      sql`select * from indicator_rollups where level = 'municipality' and territory_id = ${f.municipalityId} and year between ${from} and ${to}`,
      sql`select count(*)::int from organisations where obliged and not archived and municipality_id = ${f.municipalityId}`,
      sql`select indicator, year, value from targets where region_id = ${f.regionId} and (municipality_id = ${f.municipalityId} or municipality_id is null) and year between ${from} and ${to}`,
    ]);
  const orgFacts = (sql: postgres.Sql) =>
    sql`select * from indicator_facts where organisation_id = ${f.orgId} and year between ${from} and ${to}`;
  // A federal official reads every region's rollups (the role comes with another branch: matched by name).
  const federal = (role as string) === "federal";
  const countryRollups = (sql: postgres.Sql) =>
    Promise.all([
      sql`select * from indicator_rollups where level = 'region' and year between ${from} and ${to}`,
      sql`select m.region_id, count(*)::int from organisations o join municipalities m on m.id = o.municipality_id where o.obliged and not o.archived group by 1`,
    ]);
  const wide = role === "ministry" || role === "admin" || federal;
  const level = federal
    ? countryRollups
    : wide
      ? regionRollups
      : role === "coordinator"
        ? muniRollups
        : orgFacts;
  const period = periodFilter(f);
  switch (pathOnly) {
    case "/indicators":
    case "/indicators/structure":
      return level;
    case "/indicators/N1":
      if (federal) return countryRollups;
      if (wide)
        return (sql) =>
          Promise.all([
            regionRollups(sql),
            sql`select r.* from indicator_rollups r join municipalities m on m.id = r.territory_id where r.level = 'municipality' and m.region_id = ${f.regionId} and r.year = ${to}`,
          ]);
      if (role === "coordinator")
        return (sql) =>
          Promise.all([
            muniRollups(sql),
            sql`select * from indicator_facts where municipality_id = ${f.municipalityId} and year = ${to}`,
          ]);
      return orgFacts;
    case "/registry/persons": {
      const q = new URLSearchParams(pagePath.split("?")[1] ?? "").get("q");
      const like = q ? `%${q}%` : "%";
      return (sql) =>
        Promise.all([
          sql`select p.id, p.surname, p.name, p.patronymic, p.birth_year, p.category, p.grade, p.workplace,
            (select true from mentor_profiles mp where mp.person_id = p.id) is not null as is_mentor,
            (select true from mentee_profiles mp where mp.person_id = p.id) is not null as is_mentee,
            (select count(*)::int from mentorships m where (m.mentor_id = p.id or m.mentee_id = p.id) and not m.archived
              and m.entry_date <= current_date and (m.end_date is null or m.end_date >= current_date)) as active_pairs
            from persons p where p.organisation_id = ${f.orgId} and not p.archived
              and (p.surname ilike ${like} or p.name ilike ${like} or p.patronymic ilike ${like})
            order by p.surname, p.name, p.patronymic limit 50`,
          sql`select count(*)::int from persons p where p.organisation_id = ${f.orgId} and not p.archived
              and (p.surname ilike ${like} or p.name ilike ${like} or p.patronymic ilike ${like})`,
        ]);
    }
    case `/registry/persons/${f.personId}`:
      return (sql) =>
        Promise.all([
          sql`select * from persons where id = ${f.personId}`,
          sql`select * from mentorships where mentor_id = ${f.personId} or mentee_id = ${f.personId}`,
        ]);
    case "/registry/programmes":
      return (sql) =>
        sql`select g.*, (select count(*)::int from mentorships m where m.programme_id = g.id) from programmes g where g.organisation_id = ${f.orgId} and not g.archived order by g.start_date desc`;
    case `/registry/programmes/${f.programmeId}`:
      return (sql) =>
        sql`select m.*, a.surname, b.surname from mentorships m join persons a on a.id = m.mentor_id join persons b on b.id = m.mentee_id where m.programme_id = ${f.programmeId}`;
    case "/registry/documents":
      return (sql) => sql`select * from documents where organisation_id = ${f.orgId} order by date desc`;
    case "/registry/events":
      return (sql) => sql`select * from events where organisation_id = ${f.orgId} order by date desc`;
    case `/reports/${f.orgId}/${f.period}`:
    case `/reports/${f.municipalityOrg}/${f.period}`:
      return (sql) =>
        sql`select * from reports where organisation_id = ${Number(pathOnly.split("/")[2])} and year = ${f.year} and quarter = ${f.quarter}`;
    case "/reports":
    case "/home":
      if (role === "curator")
        return (sql) =>
          sql`select id, year, quarter, status, updated_at from reports where organisation_id = ${f.orgId} order by year desc, quarter desc`;
      if (role === "coordinator")
        return (sql) =>
          sql`select o.id, o.short_name, r.status from organisations o left join reports r on r.organisation_id = o.id and ${period(sql)}
              where o.municipality_id = ${f.municipalityId} and o.obliged and not o.archived order by o.short_name`;
      return (sql) =>
        sql`select o.municipality_id, r.status, count(*)::int from organisations o join municipalities m on m.id = o.municipality_id
            left join reports r on r.organisation_id = o.id and ${period(sql)}
            where m.region_id = ${f.regionId} and o.obliged and not o.archived group by 1, 2`;
    case "/orgs":
      if (role === "coordinator")
        return (sql) =>
          sql`select * from organisations where municipality_id = ${f.municipalityId} order by short_name`;
      return (sql) =>
        sql`select o.id, o.short_name, o.kind, m.name from organisations o join municipalities m on m.id = o.municipality_id where m.region_id = ${f.regionId} order by m.name, o.short_name limit 100`;
    case `/orgs/${f.orgId}`:
    case `/orgs/${f.municipalityOrg}`: {
      const id = Number(pathOnly.split("/")[2]);
      return (sql) =>
        Promise.all([
          sql`select * from organisations where id = ${id}`,
          sql`select * from indicator_facts where organisation_id = ${id} and year between ${from} and ${to}`,
        ]);
    }
    case "/admin/users":
      return (sql) =>
        role === "coordinator"
          ? sql`select u.* from users u join organisations o on o.id = u.organisation_id where o.municipality_id = ${f.municipalityId} order by u.name limit 50`
          : sql`select u.* from users u left join municipalities m on m.id = u.municipality_id left join organisations o on o.id = u.organisation_id
                left join municipalities om on om.id = o.municipality_id
                where u.region_id = ${f.regionId} or m.region_id = ${f.regionId} or om.region_id = ${f.regionId} order by u.name limit 50`;
    case "/admin/audit":
      return (sql) => sql`select * from audit_log order by at desc limit 50`;
    default:
      return undefined;
  }
}

function periodFilter(f: Found) {
  return (sql: postgres.Sql) => sql`r.year = ${f.year} and r.quarter = ${f.quarter}`;
}

/** The user a session stands for, as navFor needs it (ids from the database). */
async function sessionUser(sql: postgres.Sql, email: string): Promise<SessionUser> {
  const [u] =
    await sql`select id, role, name, email, region_id, municipality_id, organisation_id from users where email = ${email}`;
  return {
    id: Number(u.id),
    role: u.role as Role,
    name: u.name,
    email: u.email,
    regionId: u.region_id == null ? null : Number(u.region_id),
    municipalityId: u.municipality_id == null ? null : Number(u.municipality_id),
    organisationId: u.organisation_id == null ? null : Number(u.organisation_id),
  } as unknown as SessionUser;
}

function pagesOf(role: Role, user: SessionUser, f: Found): Page[] {
  const users = role === "curator" ? 50 : 20;
  const nav = navFor(user).map((n) => ({ what: n.label, path: n.href }));
  const extra: { what: string; path: string }[] =
    role === "curator"
      ? [
          { what: "поиск в реестре «ов»", path: "/registry/persons?q=ов" },
          { what: "карточка участника", path: `/registry/persons/${f.personId}` },
          { what: "программы", path: "/registry/programmes" },
          { what: "программа", path: `/registry/programmes/${f.programmeId}` },
          { what: "документы", path: "/registry/documents" },
          { what: "мероприятия", path: "/registry/events" },
          { what: "отчёт за квартал", path: `/reports/${f.orgId}/${f.period}` },
          { what: "показатель Н1", path: "/indicators/N1" },
        ]
      : role === "coordinator"
        ? [
            { what: "организация", path: `/orgs/${f.municipalityOrg}` },
            { what: "отчёт организации", path: `/reports/${f.municipalityOrg}/${f.period}` },
            { what: "показатель Н1", path: "/indicators/N1" },
            { what: "структура", path: "/indicators/structure" },
          ]
        : [
            { what: "показатель Н1", path: "/indicators/N1" },
            { what: "структура", path: "/indicators/structure" },
            { what: "сводный отчёт", path: "/reports/consolidated" },
          ];
  const seen = new Set<string>();
  return [...nav, ...extra]
    .filter((p) => !seen.has(p.path) && seen.add(p.path))
    .map((p) => ({ role, users, what: p.what, path: p.path, figures: figuresOf(role, p.path, f) }));
}

function startServer(port: number, env: Record<string, string>, args: string[], log: string): ChildProcess {
  const child = spawn(process.execPath, [...args, path.join("scripts", "server.mjs"), "-p", String(port)], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      WEB_CONCURRENCY: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = fs.createWriteStream(log);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return child;
}

const fmt = (x: number | undefined, digits = 0) =>
  x == null || Number.isNaN(x) ? "—" : x.toFixed(digits).replace(".", ",");
const ratio = (a: number | undefined, b: number | undefined) =>
  a == null || b == null || !(b > 0) ? "—" : `${fmt(a / b, 1)}×`;

export async function benchPages(opts: PagesOptions): Promise<void> {
  if (spawnSync("nginx", ["-v"]).error) {
    console.log("\nnginx не установлен: замер страниц через nginx пропущен.");
    return;
  }
  const { ensureBuilt } = await importScript<{ ensureBuilt(): void }>("build.mjs");
  const { startNginx } = await importScript<{
    startNginx(o: { upstreams: number[]; port: number; dir: string }): ChildProcess;
  }>("nginx.mjs");
  const { serverNodeArgs } = await importScript<{ serverNodeArgs: string[] }>("node-args.mjs");
  ensureBuilt();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nastavnik-bench-pages-"));
  fs.chmodSync(dir, 0o777);
  const ports = [opts.port + 1, opts.port + 2];
  const env = {
    DATABASE_URL: opts.url,
    DEMO_SEED: "no",
    AUTH_SECRET: "bench-pages-secret-bench-pages-secret",
    TRUSTED_PROXIES: "127.0.0.1",
  };
  const servers = ports.map((p, i) =>
    startServer(
      p,
      { ...env, DATA_DIR: path.join(dir, `data-${i}`) },
      serverNodeArgs,
      path.join(dir, `server-${p}.log`),
    ),
  );
  const proxy = startNginx({ upstreams: ports, port: opts.port, dir: path.join(dir, "nginx") });
  // The raw SQL gets the pool the two app processes have together (PG_POOL_MAX, 10 each by default).
  const poolMax = 2 * (Number(process.env.PG_POOL_MAX) || 10);
  const sql = postgres(opts.url, { max: poolMax, onnotice: () => {}, connection: { jit: "off" } });
  const base = `http://127.0.0.1:${opts.port}`;
  const pids = servers.map((s) => s.pid!);
  try {
    const t0 = Date.now();
    for (const p of ports) await waitFor(`http://127.0.0.1:${p}/login`, 600);
    await waitFor(`${base}/login`, 60);
    console.log(
      `\nДва процесса сервера за nginx готовы за ${((Date.now() - t0) / 1000).toFixed(0)} с (журналы: ${dir}).`,
    );

    const found = await discover(sql);
    // BENCH_PAGES (a regular expression over «role path», e.g. "^federal /(home|reports)"): only those pages.
    const only = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;
    const cookies = new Map<Role, string>();
    const pages: Page[] = [];
    for (const role of ROLES) {
      const account = DEMO_ACCOUNTS.find((a) => (a.role as string) === role);
      if (!account) {
        console.log(`роль ${role}: нет демо-учётной записи — её страницы пропущены`);
        continue;
      }
      const { cookie } = await signInHttp(base, account.email, account.password);
      if (!cookie) throw new Error(`вход ${account.email} не удался`);
      cookies.set(role, cookie);
      // A page that redirects (the curator's /reports lands on the organisation's reports) is measured where
      // it lands; one that is refused for the role is left out with a note.
      for (const page of pagesOf(role, await sessionUser(sql, account.email), found)) {
        if (only && !only.test(`${role} ${page.path}`)) continue;
        const res = await fetch(base + page.path, { redirect: "manual", headers: { cookie } });
        await res.arrayBuffer();
        const location = res.headers.get("location");
        if (res.status >= 300 && res.status < 400 && location) {
          const to = new URL(location, base);
          page.what += ` → ${to.pathname}`;
          page.path = to.pathname + to.search;
          page.figures = figuresOf(role, page.path, found) ?? page.figures;
        } else if (res.status !== 200) {
          console.log(`${role} ${page.path}: HTTP ${res.status} — страница пропущена`);
          continue;
        }
        pages.push(page);
      }
    }
    const get = (page: Pick<Page, "role" | "path">) => async () => {
      const res = await fetch(base + page.path, {
        redirect: "manual",
        headers: { cookie: page.role === "public" ? "" : cookies.get(page.role)!, "accept-encoding": "gzip" },
      });
      await res.arrayBuffer();
      return res.status === 200;
    };
    const measurePage = async (page: Pick<Page, "role" | "path">, users: number): Promise<Result> => {
      // Warm-up: each process renders the page a couple of times before the measured run.
      await Promise.all(Array.from({ length: 4 }, () => get(page)()));
      const cpu0 = cpuSeconds(pids);
      const r = await hammer(users, opts.seconds, get(page));
      const cpu = cpuSeconds(pids) - cpu0;
      return { ...r, cpuMs: (cpu * 1000) / Math.max(1, r.requests) };
    };

    const login: Record<number, Result> = {};
    for (const users of [20, 50]) login[users] = await measurePage({ role: "public", path: "/login" }, users);
    // Rows print as they are measured: a long run shows its progress, and an interrupted one keeps its figures.
    console.log(
      `\nСтраницы через nginx, два процесса сервера (${os.availableParallelism()} ядра; нагрузку создаёт этот же процесс), ${opts.seconds} с на страницу; SQL — те же цифры прямо из PostgreSQL, пул ${poolMax}.`,
    );
    console.log(
      "| роль | страница | пользователей | CPU сервера на запрос, мс | × /login | медиана, мс | p95, мс | p95 × /login | SQL медиана / p95, мс | p95 × SQL | запросов | ошибок |",
    );
    console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const users of [20, 50]) {
      const l = login[users];
      console.log(
        `| — | /login | ${users} | ${fmt(l.cpuMs, 1)} | 1× | ${fmt(l.median)} | ${fmt(l.p95)} | 1× | — | — | ${l.requests} | ${l.errors} |`,
      );
    }
    const rows: { page: Page; http: Result; raw?: Result }[] = [];
    for (const page of pages) {
      const http = await measurePage(page, page.users);
      const figures = page.figures;
      const raw = figures
        ? await hammer(page.users, Math.max(1, opts.seconds / 2), async () => {
            await figures(sql);
            return true;
          })
        : undefined;
      rows.push({ page, http, raw });
      const l = login[page.users];
      console.log(
        `| ${page.role} | ${page.what} \`${page.path}\` | ${page.users} | ${fmt(http.cpuMs, 1)} | ${ratio(http.cpuMs, l.cpuMs)} | ${fmt(http.median)} | ${fmt(http.p95)} | ${ratio(http.p95, l.p95)} | ${raw ? `${fmt(raw.median, 1)} / ${fmt(raw.p95, 1)}` : "—"} | ${ratio(http.p95, raw?.p95)} | ${http.requests} | ${http.errors} |`,
      );
    }
    const cpus = rows.map((r) => r.http.cpuMs!).sort((a, b) => a - b);
    const median = cpus[Math.floor(cpus.length / 2)];
    const indicator = rows.filter((r) => r.page.path.startsWith("/indicators") && r.page.role !== "curator");
    const curator = rows.filter((r) => r.page.role === "curator");
    const worst = (xs: typeof rows) => Math.max(...xs.map((r) => r.http.p95));
    // With BENCH_PAGES a group may be empty: it is left out of the summary.
    const cpuRange = `${fmt(Math.min(...indicator.map((r) => r.http.cpuMs!)), 1)}–${fmt(Math.max(...indicator.map((r) => r.http.cpuMs!)), 1)}`;
    const parts = [
      `медиана CPU сервера на страницу: ${fmt(median, 1)} мс (цель ≤ 10)`,
      indicator.length
        ? `страницы показателей: CPU ${cpuRange} мс (из кэша — цель ≤ 3), худший p95 ${fmt(worst(indicator))} мс при 20 (цель ≤ 150)`
        : "",
      curator.length ? `страницы куратора: худший p95 ${fmt(worst(curator))} мс при 50 (цель ≤ 200)` : "",
      `ошибок: ${rows.reduce((s, r) => s + r.http.errors, 0)}`,
    ];
    console.log(`\n${parts.filter(Boolean).join("; ")}.`);
  } finally {
    await sql.end({ timeout: 5 });
    proxy.kill("SIGTERM");
    for (const s of servers) s.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 2000));
  }
}
