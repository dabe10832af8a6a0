/**
 * `npm run bench:load -- [base URL] [users] [seconds] [think ms]`: mixed traffic on a running server with the demo
 * region (defaults: http://127.0.0.1:3000, 100 users, 300 s, 0 ms). With a think time, each user waits a random
 * 0.5–1.5 × that long between pages, as people do; without, every user fires the next request at once. Signs in the four demo accounts, then each virtual user
 * loops over a mix of pages: curators' registers and reports, the coordinator's review, the ministry's
 * indicators, the public pages, the embed and open data. Prints per-page latencies and every error; exits 1
 * if any request failed. Start the server with `npm start` first.
 */
import { DEMO_ACCOUNTS } from "../lib/demo/accounts";

type Role = (typeof DEMO_ACCOUNTS)[number]["role"] | "public";

interface Target {
  what: string;
  role: Role;
  path: string;
  weight: number;
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in through Auth.js's credentials callback, as the sign-in form does; returns the Cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/home` }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`вход ${email} не удался: ${res.status} ${res.headers.get("location")}`);
  return session;
}

/** Finds real addresses in the demo data by following links of the signed-in pages. */
async function discover(base: string, cookie: Record<Role, string>) {
  const html = async (role: Role, path: string) =>
    (await fetch(base + path, { headers: { Cookie: cookie[role] } })).text();
  const first = (text: string, re: RegExp, what: string) => {
    const m = re.exec(text);
    if (!m) throw new Error(`не найдено на странице: ${what}`);
    return m[1].replaceAll("&amp;", "&");
  };
  const persons = await html("curator", "/registry/persons");
  const person = first(persons, /href="(\/registry\/persons\/\d+)"/, "карточка участника");
  const reports = await html("curator", "/reports");
  const report = first(reports, /href="(\/reports\/\d+\/\d{4}-\d)"/, "отчёт организации");
  const orgs = await html("coordinator", "/orgs");
  const org = first(orgs, /href="(\/orgs\/\d+)"/, "организация муниципалитета");
  // With one region, /open redirects to it.
  const openRes = await fetch(`${base}/open`);
  const open = await openRes.text();
  const landed = new URL(openRes.url).pathname;
  const region =
    landed !== "/open" ? landed : first(open, /href="(\/open\/[^"/?]+)"/, "открытые данные региона");
  const regionPage = await html("public", region);
  const municipality = first(regionPage, new RegExp(`href="(${region}/[^"/?]+)"`), "муниципалитет");
  const settings = await html("curator", "/settings/public-page");
  const slug = first(settings, /\/org\/([a-z0-9-]+)/, "адрес страницы школы");
  return { person, report, org, region, municipality, slug };
}

async function main() {
  const base = (process.argv[2] ?? "http://127.0.0.1:3000").replace(/\/$/, "");
  const users = Number(process.argv[3] ?? 100);
  const seconds = Number(process.argv[4] ?? 300);
  const think = Number(process.argv[5] ?? 0);
  const cookie = { public: "" } as Record<Role, string>;
  for (const a of DEMO_ACCOUNTS) cookie[a.role] = await signIn(base, a.email, a.password);
  const d = await discover(base, cookie);
  const targets: Target[] = [
    { what: "куратор: главная", role: "curator", path: "/home", weight: 2 },
    { what: "куратор: реестр участников", role: "curator", path: "/registry/persons", weight: 4 },
    { what: "куратор: поиск в реестре", role: "curator", path: "/registry/persons?q=ов", weight: 3 },
    { what: "куратор: карточка участника", role: "curator", path: d.person, weight: 2 },
    { what: "куратор: программы", role: "curator", path: "/registry/programmes", weight: 1 },
    { what: "куратор: отчёт за квартал", role: "curator", path: d.report, weight: 3 },
    { what: "координатор: главная", role: "coordinator", path: "/home", weight: 2 },
    { what: "координатор: отчёты на проверке", role: "coordinator", path: "/reports", weight: 2 },
    { what: "координатор: организация", role: "coordinator", path: d.org, weight: 1 },
    { what: "министерство: таблица показателей", role: "ministry", path: "/indicators", weight: 3 },
    { what: "министерство: показатель Н1", role: "ministry", path: "/indicators/N1", weight: 2 },
    { what: "министерство: структура", role: "ministry", path: "/indicators/structure", weight: 1 },
    { what: "публично: страница школы", role: "public", path: `/org/${d.slug}`, weight: 2 },
    { what: "публично: встраиваемая страница", role: "public", path: `/embed/org/${d.slug}`, weight: 6 },
    { what: "публично: открытые данные региона", role: "public", path: d.region, weight: 1 },
    { what: "публично: муниципалитет", role: "public", path: d.municipality, weight: 1 },
    { what: "публично: CSV показателей", role: "public", path: `${d.region}/indicators.csv`, weight: 1 },
  ];
  const wheel = targets.flatMap((t) => Array.from({ length: t.weight }, () => t));
  const times = new Map<string, number[]>(targets.map((t) => [t.what, []]));
  const errors: string[] = [];
  let requests = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  console.log(`${users} пользователей, ${seconds} с, пауза между страницами ~${think} мс, ${base}`);
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      let i = u;
      // Users arrive spread over one think time, not all in the same millisecond.
      if (think > 0) await new Promise((r) => setTimeout(r, Math.random() * think));
      while (performance.now() < until) {
        const t = wheel[i++ % wheel.length];
        const t0 = performance.now();
        try {
          const res = await fetch(base + t.path, {
            redirect: "manual",
            headers: { Cookie: cookie[t.role], "Accept-Encoding": "gzip" },
          });
          await res.arrayBuffer();
          if (res.status !== 200) errors.push(`${t.what}: HTTP ${res.status}`);
        } catch (error) {
          errors.push(`${t.what}: ${(error as Error).message}`);
        }
        times.get(t.what)!.push(performance.now() - t0);
        requests += 1;
        if (think > 0) await new Promise((r) => setTimeout(r, think * (0.5 + Math.random())));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
  console.log(`\n| страница | запросов | медиана, мс | p95, мс |`);
  console.log(`| --- | ---: | ---: | ---: |`);
  for (const t of targets) {
    const xs = times.get(t.what)!.sort((a, b) => a - b);
    console.log(`| ${t.what} | ${xs.length} | ${pct(xs, 0.5).toFixed(0)} | ${pct(xs, 0.95).toFixed(0)} |`);
  }
  console.log(
    `\nвсего ${requests} запросов за ${elapsed.toFixed(0)} с (${(requests / elapsed).toFixed(0)} в секунду), ошибок: ${errors.length}`,
  );
  const grouped = new Map<string, number>();
  for (const e of errors) grouped.set(e, (grouped.get(e) ?? 0) + 1);
  for (const [e, n] of grouped) console.log(`  ${n} × ${e}`);
  if (errors.length) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
