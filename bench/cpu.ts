/**
 * `npm run bench:cpu -- [base URL] [requests per page]`: the server's CPU time per signed-in page, read from the
 * server's processes (/proc/<pid>/stat: user + system ticks of the process listening on the port and all its
 * descendants), stable where wall times on a shared machine are not. Signs in every demo role over HTTP, warms
 * each page up, then requests it N times one after another and prints the CPU milliseconds per request.
 * Goal (quality.md): median ≤ 10 ms per signed-in page; an indicator page from its cache ≤ 3 ms.
 * Self-contained: only the demo accounts and Node; run it on the same machine as the server (Linux).
 * BENCH_CPU_ROLES=curator,ministry limits it to some roles.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { DEMO_ACCOUNTS } from "../lib/demo/accounts";

const base = (process.argv[2] ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const N = Number(process.argv[3] ?? process.env.BENCH_CPU_N ?? 40);
const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim() || 100);

/** Pages per role; `{reports}` is the curator's list of reports (/reports leads there), `{draft}` its draft. */
export const CPU_PAGES: Record<string, string[]> = {
  curator: ["/home", "/registry/persons", "/registry/persons/new", "{reports}", "{draft}"],
  coordinator: ["/home", "/reports", "/reports/consolidated", "/indicators"],
  ministry: [
    "/home",
    "/indicators",
    "/indicators?from=2022&to=2023",
    "/indicators/N1",
    "/indicators/3?year=2023",
    "/indicators/structure",
  ],
  admin: ["/home", "/admin/users", "/indicators/targets"],
};

/** The processes serving `port`: the listener and every descendant (cluster workers, next-server). */
function serverPids(port: number): number[] {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`]).toString();
  const roots = [...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
  if (roots.length === 0)
    throw new Error(`No process listens on port ${port} (run this as the server's user).`);
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const pids = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent)
      if (pids.has(ppid) && !pids.has(pid)) {
        pids.add(pid);
        grew = true;
      }
  }
  // The listener's parents too (a cluster primary's workers are its children; `next start` may fork).
  return [...pids];
}

function cpuTicks(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone
    }
  }
  return ticks;
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function signIn(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  const cookie = cookiesOf(res).find((c) => c.startsWith("authjs.session-token="));
  if (!cookie) throw new Error(`Sign-in failed for ${email}`);
  return cookie;
}

async function get(path: string, cookie: string, redirect: RequestRedirect = "manual") {
  const res = await fetch(base + path, { headers: { cookie }, redirect });
  return { status: res.status, body: await res.text(), url: new URL(res.url).pathname };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const port = Number(new URL(base).port || 80);
  const pids = serverPids(port);
  console.log(`Сервер: ${base}, процессы ${pids.join(", ")}; ${N} запросов на страницу.`);
  console.log("| роль | страница | CPU, мс/запрос | время, мс/запрос |");
  console.log("| --- | --- | ---: | ---: |");
  const all: number[] = [];
  const only = process.env.BENCH_CPU_ROLES?.split(",");
  for (const [role, paths] of Object.entries(CPU_PAGES)) {
    if (only && !only.includes(role)) continue;
    const account = DEMO_ACCOUNTS.find((a) => a.role === role);
    if (!account) continue;
    const cookie = await signIn(account.email, account.password);
    for (let path of paths) {
      if (path === "{reports}" || path === "{draft}") {
        const list = await get("/reports", cookie, "follow");
        const found = list.body.match(/href="(\/reports\/\d+\/\d{4}-[^"]+)"/);
        if (path === "{reports}") path = list.url;
        else if (found) path = found[1];
        else continue;
      }
      for (let i = 0; i < 3; i++) await get(path, cookie);
      const before = cpuTicks(pids);
      const started = performance.now();
      let status = 0;
      for (let i = 0; i < N; i++) status = (await get(path, cookie)).status;
      const wall = (performance.now() - started) / N;
      const cpu = ((cpuTicks(pids) - before) * TICK_MS) / N;
      all.push(cpu);
      const note = status === 200 ? "" : ` (HTTP ${status})`;
      console.log(`| ${role} | ${path}${note} | ${cpu.toFixed(1)} | ${wall.toFixed(1)} |`);
    }
  }
  console.log(`\nМедиана CPU по страницам: ${median(all).toFixed(1)} мс/запрос (цель ≤ 10).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
