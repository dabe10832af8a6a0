/** The public «Наставничество» of an organisation, its embed and the open data: sections, routes, headers, cache. */
import { gunzipSync } from "node:zlib";
import { renderToStaticMarkup } from "react-dom/server";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as embedJs } from "@/app/embed.js/route";
import { GET as embedPage } from "@/app/embed/org/[slug]/route";
import { GET as embedReports } from "@/app/embed/org/[slug]/reports/route";
import { GET as regionCsv } from "@/app/(public)/open/[regionCode]/indicators.csv/route";
import { GET as regionJson } from "@/app/(public)/open/[regionCode]/indicators.json/route";
import { GET as muniJson } from "@/app/(public)/open/[regionCode]/[municipalitySlug]/indicators.json/route";
import OpenMunicipalityPage from "@/app/(public)/open/[regionCode]/[municipalitySlug]/page";
import OrgPublicPage from "@/app/(public)/org/[slug]/page";
import { GET as fileRoute } from "@/app/api/files/[id]/route";
import { getDb } from "@/db";
import {
  documents,
  events,
  files,
  mentorProfiles,
  municipalities,
  organisations,
  programmes as programmesTable,
  regions,
  reports,
} from "@/db/schema";
import { refreshOrganisationYear } from "@/lib/indicators/facts";
import { emptyForms } from "@/lib/reports/counting";
import type { Form1 } from "@/lib/reports/types";
import { createEventAction } from "@/lib/registry/events/actions";
import { revalidatePublic } from "@/lib/public/cache";
import { keptEmbed } from "@/lib/public/embed";
import { orgPublicBySlug, orgPublicData, orgReportsBySlug } from "@/lib/public/loaders";
import { openTerritory } from "@/lib/public/open-data";
import { eq } from "drizzle-orm";
import { createTenant, type Tenant } from "./support/factories";
import { createMentee, createMentor, createMentorship, createProgramme } from "./support/registry-factories";
import { signInAs } from "./support/session";
import { currentYear } from "@/lib/settings";

const cache = vi.hoisted(() => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
/** By default every view runs from 2021 to the current year. */
const YEARS_IN_VIEW = Array.from({ length: Math.max(2024, currentYear()) - 2020 }, (_, i) => 2021 + i);

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => ({ ...cache, unstable_cache: <T>(fn: T) => fn }));
// The security headers module is CommonJS, as next.config.js loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { securityHeaders } = require("../lib/http/headers.cjs") as {
  securityHeaders: () => { source: string; headers: { key: string; value: string }[] }[];
};

const doc = { present: true, number: "1", date: null };
const form1: Form1 = {
  ...{ municipality: "", organisation: "", directorName: "", phone: "", email: "", address: "" },
  ...{ learners10to18: 300, teachingStaff: 40, youngTeachers: 5, curatorName: "Куратова О. Н." },
  documents: {
    model_introduction: doc,
    regulation_approval: doc,
    pairs_assignment: doc,
    personalised_programme: doc,
  },
};
const summary = {
  ...{ learnerMentees: 2, learnerMentors: 1, teacherMentors: 3, youngTeacherMentees: 3 },
  ...{ youngTeachersWithRoute: 1, learnersAny: 3, teachersAny: 20, activeProgrammes: 2 },
};

/** An organisation with something in every section, and things that must stay off the public page. */
async function seedPublicOrg(t: Tenant) {
  const db = await getDb();
  const org = t.orgId;
  await db
    .update(organisations)
    .set({ curatorName: "Куратова Ольга Николаевна", curatorContact: "kurator@school.test" })
    .where(eq(organisations.id, org));
  const [archivedOrg] = await db
    .insert(organisations)
    .values({
      municipalityId: t.municipalityId,
      fullName: "Закрытая школа",
      shortName: "Закрытая",
      slug: `closed-${t.orgId}`,
      archived: true,
      obliged: false,
    })
    .returning();
  const [file] = await db
    .insert(files)
    .values({
      organisationId: org,
      name: "polozhenie.pdf",
      mime: "application/pdf",
      size: 8,
      data: Buffer.from("%PDF-1.4"),
    })
    .returning();
  const d = (title: string, o: Partial<typeof documents.$inferInsert> = {}) => ({
    organisationId: org,
    type: "other" as const,
    title,
    ...o,
  });
  await db.insert(documents).values([
    d("Положение о наставничестве", {
      type: "regulation_approval",
      number: "12",
      date: "2024-09-01",
      fileId: file.id,
    }),
    d("Дорожная карта", { type: "roadmap", date: "2023-01-10" }),
    d("Внутренний приказ", { public: false, date: "2024-10-01" }),
    d("Старое положение", { inForce: false, date: "2022-01-01" }),
    d("Архивный документ", { archived: true, date: "2024-11-01" }),
  ]);
  const e = (title: string, date: string, o: Partial<typeof events.$inferInsert> = {}) => ({
    organisationId: org,
    title,
    date,
    ...o,
  });
  await db
    .insert(events)
    .values([
      e("Открытие сезона", "2024-09-01"),
      e("Итоги года", "2024-12-20"),
      e("Закрытая встреча", "2024-10-01", { public: false }),
      e("Архивная встреча", "2024-11-01", { archived: true }),
    ]);
  const consenting = await createMentor(org, {
    surname: "Согласова",
    name: "Анна",
    patronymic: "Сергеевна",
    birthYear: 1980,
  });
  const silent = await createMentor(org, {
    surname: "Скрытова",
    name: "Мария",
    patronymic: "Ивановна",
    birthYear: 1975,
  });
  const noYear = await createMentor(org, {
    category: "retired_teacher",
    surname: "Пенсионер",
    name: "Пётр",
    birthYear: null,
  });
  const pupilMentor = await createMentor(org, {
    category: "pupil",
    surname: "Ученикова",
    name: "Дарья",
    birthYear: 2009,
  });
  for (const p of [consenting, noYear, pupilMentor])
    await db.update(mentorProfiles).set({ publishName: true }).where(eq(mentorProfiles.personId, p.id));
  const best = await createProgramme(org, {
    title: "Вместе к успеху",
    format: "teacher_teacher",
    startDate: "2024-01-15",
  });
  await db.update(programmesTable).set({ bestPractice: true }).where(eq(programmesTable.id, best.id));
  const peers = await createProgramme(org, {
    title: "Ровесники",
    format: "pupil_pupil",
    startDate: "2023-09-01",
  });
  const old = await createProgramme(org, {
    title: "Архивная программа",
    format: "teacher_pupil",
    archived: true,
  });
  const mentors = [consenting, silent, noYear];
  for (let i = 0; i < 6; i++) {
    const mentee = await createMentee(org, { category: "teacher", surname: `Младшев${i}`, birthYear: 1999 });
    await createMentorship(best, mentors[i % 3].id, mentee.id);
  }
  await createMentorship(best, silent.id, (await createMentee(org, { surname: "Младшев-архив" })).id, {
    archived: true,
  });
  for (let i = 0; i < 2; i++)
    await createMentorship(
      peers,
      pupilMentor.id,
      (await createMentee(org, { surname: `Младшева${i}`, birthYear: 2012 })).id,
    );
  await createMentorship(old, silent.id, (await createMentee(org, { surname: "Младшев-старый" })).id);
  const forms = emptyForms();
  forms.form3 = {
    rows: [
      {
        programmeId: best.id,
        title: "Вместе к успеху",
        mentors: 3,
        mentees: 12,
        result: "Молодые педагоги ведут уроки",
      },
    ],
    distinctMentors: 3,
    distinctMentees: 12,
  };
  const periods = [
    [2024, 1],
    [2024, 2],
    [2024, 3],
    [2024, 4],
    [2025, 1],
    [2025, 2],
  ] as const;
  const r = (year: number, quarter: number, status: "approved" | "submitted") => ({
    organisationId: org,
    year,
    quarter,
    status,
    form1,
    forms,
    summary,
    documentsComplete: true,
  });
  await db.insert(reports).values([...periods.map(([y, q]) => r(y, q, "approved")), r(2025, 3, "submitted")]);
  for (const y of [2024, 2025]) await refreshOrganisationYear(db, org, y);
  const [m] = await db
    .select({ slug: municipalities.slug })
    .from(municipalities)
    .where(eq(municipalities.id, t.municipalityId));
  const [reg] = await db.select({ code: regions.code }).from(regions).where(eq(regions.id, t.regionId));
  return { fileId: file.id, archivedOrgId: archivedOrg.id, municipalitySlug: m.slug, regionCode: reg.code };
}

let t: Tenant;
let f: Awaited<ReturnType<typeof seedPublicOrg>>;
let slug: string;
beforeAll(async () => {
  t = await createTenant("pub");
  f = await seedPublicOrg(t);
  const db = await getDb();
  [{ slug }] = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, t.orgId));
});

const params = <T>(p: T) => ({ params: Promise.resolve(p) });
const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { headers });

describe("the organisation's public page", () => {
  it("returns the five sections of seed 002", async () => {
    const d = (await orgPublicBySlug(slug))!;
    expect(d.org).toMatchObject({ id: t.orgId, curatorName: "Куратова Ольга Николаевна" });
    expect(d.documents.map((x) => x.title)).toEqual(["Положение о наставничестве", "Дорожная карта"]);
    expect(d.documents[0]).toMatchObject({ fileId: f.fileId, number: "12", date: "2024-09-01" });
    expect(d.reports.map((r) => r.label)).toEqual([
      "II квартал 2025 г.",
      "I квартал 2025 г.",
      "IV квартал 2024 г.",
      "III квартал 2024 г.",
    ]);
    expect(d.reportsTotal).toBe(6);
    expect(d.reports[0].forms.find((x) => x.key === "form3")).toMatchObject({
      rows: [{ title: "Вместе к успеху", mentors: 3, mentees: 12, result: "Молодые педагоги ведут уроки" }],
      totalMentors: 3,
      totalMentees: 12,
    });
    const best = d.programmes[0];
    expect(best).toMatchObject({ title: "Вместе к успеху", bestPractice: true, mentors: 3, mentees: 6 });
    expect(best.mentorNames).toEqual(["Согласова Анна Сергеевна"]);
    expect(d.programmes[1]).toMatchObject({ title: "Ровесники", mentors: 1, mentees: 2, mentorNames: [] });
    expect(d.programmes.map((p) => p.title)).not.toContain("Архивная программа");
    expect(d.events.map((e) => e.title)).toEqual(["Итоги года", "Открытие сезона"]);
    expect(d.indicators.years).toEqual(YEARS_IN_VIEW);
    const n2 = d.indicators.rows.find((r) => r.code === "N2")!;
    expect(n2.cells.find((c) => c.year === 2024)).toMatchObject({ fact: 50, covered: 1 });
    expect(d.byFormat.map((x) => [x.format, x.mentors, x.mentees])).toEqual([
      ["pupil_pupil", 1, 2],
      ["teacher_teacher", 3, 6],
      ["total", 4, 8],
    ]);
    const archive = (await orgReportsBySlug(slug))!;
    expect(archive.reports).toHaveLength(6);
  });

  it("renders counts below five as «менее 5», the consenting adult's name only, and the VI version", async () => {
    const html = renderToStaticMarkup(
      await OrgPublicPage({ ...params({ slug }), searchParams: Promise.resolve({}) }),
    );
    expect(html).toContain("Наставничество · СОШ № 1");
    for (const h of [
      "1. Нормативно-правовое обеспечение",
      "2. Анализ наставнических практик",
      "5. Мониторинг",
    ])
      expect(html).toContain(h);
    expect(html).toContain("Лучшая практика");
    expect(html).toContain("менее 5");
    expect(html).toContain("Согласова Анна Сергеевна");
    expect(html).not.toMatch(/Скрытова|Ученикова|Младшев|Пенсионер/);
    expect(html).toContain(`href="/org/${slug}/reports"`);
    expect(html).toContain(`/api/files/${f.fileId}`);
    const vi = renderToStaticMarkup(
      await OrgPublicPage({ ...params({ slug }), searchParams: Promise.resolve({ vi: "1" }) }),
    );
    expect(vi).toContain(`class="pub pub-vi"`);
    expect(vi).toContain(`href="/org/${slug}/reports?vi=1"`);
    expect(vi).toContain(`href="/org/${slug}?vi=0"`);
  });

  it("serves a public document's file to anyone", async () => {
    signInAs(null);
    const res = await fileRoute(get(`/api/files/${f.fileId}`), params({ id: String(f.fileId) }));
    expect(res.status).toBe(200);
  });

  it("answers 404 for an unknown, malformed or archived organisation", async () => {
    expect(await orgPublicBySlug("no-such-school")).toBeNull();
    expect(await orgPublicBySlug("../etc")).toBeNull();
    const db = await getDb();
    const [archived] = await db
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(eq(organisations.id, f.archivedOrgId));
    expect(await orgPublicBySlug(archived.slug)).toBeNull();
    await expect(
      OrgPublicPage({ ...params({ slug: "no-such-school" }), searchParams: Promise.resolve({}) }),
    ).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    const res = await embedPage(get("/embed/org/no-such-school"), params({ slug: "no-such-school" }));
    expect(res.status).toBe(404);
  });
});

describe("the embed", () => {
  it("is plain HTML from the cache, without cookies or the app's JavaScript, revalidated by ETag", async () => {
    const res = await embedPage(get(`/embed/org/${slug}`), params({ slug }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("set-cookie")).toBeNull();
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ru">/);
    expect(html).toContain("nastavnik:height");
    expect(html).toContain("ResizeObserver");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toContain("<header");
    expect(html).toContain("4. Мероприятия");
    const etag = res.headers.get("etag")!;
    const again = await embedPage(get(`/embed/org/${slug}`, { "if-none-match": etag }), params({ slug }));
    expect(again.status).toBe(304);
    const vi = await (await embedPage(get(`/embed/org/${slug}?vi=1`), params({ slug }))).text();
    expect(vi).toContain(`class="pub pub-vi pub-embed"`);
    expect(vi).toContain(`href="/embed/org/${slug}/reports?vi=1"`);
    const reports = await embedReports(get(`/embed/org/${slug}/reports`), params({ slug }));
    expect(await reports.text()).toContain("I квартал 2024 г.");
  });

  it("draws the headline indicators as SVG without scripts, and none in the version for the visually impaired", async () => {
    const html = await (await embedPage(get(`/embed/org/${slug}`), params({ slug }))).text();
    expect(html).toMatch(/<svg[^>]+role="img"[^>]+aria-label="Н1\. [^"]+2024: факт/);
    expect(html.match(/<svg[^>]+role="img"/g)).toHaveLength(2);
    expect(html).toContain(`stroke="#b45309" stroke-width="2" stroke-dasharray="5 3"`);
    const vi = await (await embedPage(get(`/embed/org/${slug}?vi=1`), params({ slug }))).text();
    expect(vi).not.toContain("<svg");
  });

  it("keeps the page in memory until a change of the organisation's data is revalidated", async () => {
    const first = await (await embedPage(get(`/embed/org/${slug}`), params({ slug }))).text();
    const db = await getDb();
    const title = `Встреча ${Date.now()}`;
    await db.insert(events).values({ organisationId: t.orgId, date: "2024-05-20", title });
    // Without a revalidation the kept copy is served (the write paths always revalidate).
    expect(await (await embedPage(get(`/embed/org/${slug}`), params({ slug }))).text()).toBe(first);
    const kept = keptEmbed(slug, false, "page")!;
    expect(kept.page.html).toBe(first);
    expect(gunzipSync(kept.gzip).toString("utf8")).toBe(first);
    // The bytes sent without gzip are kept too, identical to what gzip carries, and the same object each time.
    expect(kept.raw.equals(Buffer.from(first, "utf8"))).toBe(true);
    expect(gunzipSync(kept.gzip).equals(kept.raw)).toBe(true);
    expect(keptEmbed(slug, false, "page")!.raw).toBe(kept.raw);
    await revalidatePublic(t.orgId);
    // The server's fast path (scripts/server.mjs) lets Next.js answer until the page is rendered afresh.
    expect(keptEmbed(slug, false, "page")).toBeNull();
    expect(await (await embedPage(get(`/embed/org/${slug}`), params({ slug }))).text()).toContain(title);
    expect(keptEmbed(slug, false, "page")?.page.html).toContain(title);
  });

  it("serves /embed.js as a cross-origin script that checks the message source", async () => {
    const res = embedJs();
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("set-cookie")).toBeNull();
    const js = await res.text();
    expect(js).toContain("event.source !== frame.contentWindow");
    expect(js).toContain('"/embed/org/"');
    expect(js).toContain("nastavnik:height");
  });
});

describe("open data", () => {
  it("gives the region's and a municipality's indicator table from approved reports", async () => {
    const region = (await openTerritory(f.regionCode, null))!;
    expect(region.children.map((c) => c.slug)).toContain(f.municipalitySlug);
    const n2 = region.indicators.rows.find((r) => r.code === "N2")!;
    expect(n2.cells.find((c) => c.year === 2024)).toMatchObject({ fact: 50, covered: 1, total: 3 });
    expect(await openTerritory(f.regionCode, "no-such-place")).toBeNull();
    expect(await openTerritory("нет", null)).toBeNull();
  });

  it("leads from a municipality's open data to the pages of its live organisations", async () => {
    const page = (vi?: string) =>
      OpenMunicipalityPage({
        ...params({ regionCode: f.regionCode, municipalitySlug: f.municipalitySlug }),
        searchParams: Promise.resolve(vi ? { vi } : {}),
      });
    const html = renderToStaticMarkup(await page());
    expect(html).toContain("Образовательные организации");
    expect(html).toContain(`<a href="/org/${slug}">СОШ № 1</a>`);
    expect(html).toMatch(/<a href="\/org\/[^"]+">СОШ № 2<\/a>/);
    expect(html).not.toContain("Закрытая");
    expect(renderToStaticMarkup(await page("1"))).toContain(`<a href="/org/${slug}?vi=1">СОШ № 1</a>`);
  });

  it("serves CSV and JSON at stable addresses, without cookies", async () => {
    const json = await regionJson(
      get(`/open/${f.regionCode}/indicators.json`),
      params({ regionCode: f.regionCode }),
    );
    expect(json.status).toBe(200);
    expect(json.headers.get("set-cookie")).toBeNull();
    const body = await json.json();
    expect(body.years).toEqual(YEARS_IN_VIEW);
    expect(body.indicators).toHaveLength(9);
    const n2 = body.indicators.find((i: { code: string }) => i.code === "N2");
    expect(n2.values.find((v: { year: number }) => v.year === 2024)).toMatchObject({
      fact: 50,
      organisationsReported: 1,
    });
    const csv = await regionCsv(
      get(`/open/${f.regionCode}/indicators.csv`),
      params({ regionCode: f.regionCode }),
    );
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("Регион;Муниципалитет;№;Показатель")).toBe(true);
    expect(text.trim().split("\r\n")).toHaveLength(1 + 9 * YEARS_IN_VIEW.length);
    const muni = await muniJson(
      get(`/open/${f.regionCode}/${f.municipalitySlug}/indicators.json`),
      params({ regionCode: f.regionCode, municipalitySlug: f.municipalitySlug }),
    );
    expect((await muni.json()).territory).toMatchObject({ level: "municipality" });
    const missing = await regionJson(get("/open/nowhere/indicators.json"), params({ regionCode: "nowhere" }));
    expect(missing.status).toBe(404);
  });
});

describe("headers", () => {
  const rulesFor = (path: string) =>
    securityHeaders()
      .filter((r) => getPathMatch(r.source, { strict: true })(path) !== false)
      .flatMap((r) => r.headers);
  const csp = (path: string) => rulesFor(path).find((h) => h.key === "Content-Security-Policy")?.value ?? "";

  it("lets only the embed routes be framed, by any site", () => {
    for (const path of ["/embed/org/school", "/embed/org/school/reports"]) {
      expect(csp(path)).toContain("frame-ancestors *");
      expect(rulesFor(path).some((h) => h.key === "X-Frame-Options")).toBe(false);
    }
    for (const path of ["/org/school", "/open", "/open/18/indicators.csv", "/embed.js", "/home", "/"]) {
      expect(csp(path)).toContain("frame-ancestors 'none'");
      expect(rulesFor(path).find((h) => h.key === "X-Frame-Options")?.value).toBe("DENY");
    }
  });
});

describe("cache revalidation", () => {
  const titles = async () => ((await orgPublicData(t.orgId))?.events ?? []).map((e) => e.title);

  it("keeps the organisation's page until revalidatePublic drops it", async () => {
    const db = await getDb();
    await titles();
    await db.insert(events).values({ organisationId: t.orgId, date: "2025-02-01", title: "Мимо записи" });
    expect(await titles()).not.toContain("Мимо записи");
    await revalidatePublic(t.orgId);
    expect(await titles()).toContain("Мимо записи");
  });

  it("is dropped by the write paths at once", async () => {
    await titles();
    signInAs(t.users.curator);
    const res = await createEventAction({
      organisationId: t.orgId,
      date: "2025-03-01",
      title: "Новое мероприятие",
      text: "",
      public: true,
    });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect(await titles()).toContain("Новое мероприятие");
  });
});
