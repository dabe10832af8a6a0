/**
 * No personal data of learners on the public pages (spec/quality.md): the demo region is seeded, every public
 * page of every organisation (page, version for the visually impaired, report archive, embed) and the open data
 * of the region and every municipality are rendered, and the text is searched for every seeded person's name.
 *
 * PGlite only: seedDemo refuses a database that holds other regions, as the shared PostgreSQL test database does.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as embedPage } from "@/app/embed/org/[slug]/route";
import { GET as muniCsv } from "@/app/(public)/open/[regionCode]/[municipalitySlug]/indicators.csv/route";
import { GET as muniJson } from "@/app/(public)/open/[regionCode]/[municipalitySlug]/indicators.json/route";
import { GET as regionCsv } from "@/app/(public)/open/[regionCode]/indicators.csv/route";
import { GET as regionJson } from "@/app/(public)/open/[regionCode]/indicators.json/route";
import { GET as countryCsv } from "@/app/(public)/open/indicators.csv/route";
import { GET as countryJson } from "@/app/(public)/open/indicators.json/route";
import OpenIndexPage from "@/app/(public)/open/page";
import OpenMunicipalityPage from "@/app/(public)/open/[regionCode]/[municipalitySlug]/page";
import OpenRegionPage from "@/app/(public)/open/[regionCode]/page";
import OpenPracticesPage from "@/app/(public)/open/[regionCode]/practices/page";
import OrgPublicPage from "@/app/(public)/org/[slug]/page";
import OrgReportsPage from "@/app/(public)/org/[slug]/reports/page";
import { getDb } from "@/db";
import { mentorProfiles, municipalities, organisations, persons, regions } from "@/db/schema";
import { seedDemo } from "@/lib/demo";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const TODAY = new Date("2026-11-22T12:00:00Z");
const YEAR = new Date().getFullYear();
const params = <T>(p: T) => ({ params: Promise.resolve(p) });
const query = (q: Record<string, string> = {}) => ({ searchParams: Promise.resolve(q) });
const request = (path: string) => new Request(`http://localhost${path}`);

/** Visible text of an HTML page: tags dropped, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
}

/** Word pairs and triples («Фамилия Имя», «Фамилия Имя Отчество») and «Фамилия И. О.» found in a text. */
function nameIndex(text: string) {
  const words = text.split(/[^\p{L}-]+/u).filter(Boolean);
  const pairs = new Set<string>();
  const triples = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    pairs.add(`${words[i]} ${words[i + 1]}`);
    if (i + 2 < words.length) triples.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  const initials = new Set(
    [...text.matchAll(/(\p{Lu}[\p{Ll}-]+) (\p{Lu})\. ?(\p{Lu})\./gu)].map((m) => `${m[1]} ${m[2]}. ${m[3]}.`),
  );
  return { pairs, triples, initials };
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("public pages of the demo region", () => {
  const pages: { where: string; html: string }[] = [];

  beforeAll(async () => {
    const db = await getDb();
    await seedDemo(db, { today: TODAY });
    const orgs = await db
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(eq(organisations.archived, false))
      .orderBy(asc(organisations.id));
    for (const { slug } of orgs) {
      const p = params({ slug });
      pages.push({
        where: `/org/${slug}`,
        html: renderToStaticMarkup(await OrgPublicPage({ ...p, ...query() })),
      });
      pages.push({
        where: `/org/${slug}/reports`,
        html: renderToStaticMarkup(await OrgReportsPage({ ...p, ...query() })),
      });
      pages.push({
        where: `/embed/org/${slug}?vi=1`,
        html: await (await embedPage(request(`/embed/org/${slug}?vi=1`), p)).text(),
      });
    }
    // The national open data (the demo holds three regions) and every region's and municipality's.
    pages.push({ where: "/open", html: renderToStaticMarkup(await OpenIndexPage(query())) });
    pages.push({ where: "country.csv", html: await (await countryCsv()).text() });
    pages.push({ where: "country.json", html: await (await countryJson()).text() });
    const list = await db
      .select({ code: regions.code, id: regions.id })
      .from(regions)
      .orderBy(asc(regions.id));
    for (const region of list) {
      const munis = await db
        .select({ slug: municipalities.slug })
        .from(municipalities)
        .where(eq(municipalities.regionId, region.id));
      const r = params({ regionCode: region.code });
      pages.push({
        where: `/open/${region.code}`,
        html: renderToStaticMarkup(await OpenRegionPage({ ...r, ...query() })),
      });
      pages.push({
        where: `/open/${region.code}/practices`,
        html: renderToStaticMarkup(await OpenPracticesPage({ ...r, ...query() })),
      });
      pages.push({ where: `${region.code}.csv`, html: await (await regionCsv(request("/"), r)).text() });
      pages.push({ where: `${region.code}.json`, html: await (await regionJson(request("/"), r)).text() });
      for (const m of munis) {
        const mp = params({ regionCode: region.code, municipalitySlug: m.slug });
        pages.push({
          where: `/open/${m.slug}`,
          html: renderToStaticMarkup(await OpenMunicipalityPage({ ...mp, ...query({ vi: "1" }) })),
        });
        pages.push({ where: `${m.slug}.csv`, html: await (await muniCsv(request("/"), mp)).text() });
        pages.push({ where: `${m.slug}.json`, html: await (await muniJson(request("/"), mp)).text() });
      }
    }
  }, 600_000);

  it("shows no learner's name or birth year, and names only adult mentors who consented", async () => {
    const db = await getDb();
    const people = await db
      .select({
        surname: persons.surname,
        name: persons.name,
        patronymic: persons.patronymic,
        category: persons.category,
        birthYear: persons.birthYear,
        publishName: mentorProfiles.publishName,
      })
      .from(persons)
      .leftJoin(mentorProfiles, eq(mentorProfiles.personId, persons.id));
    expect(people.length).toBeGreaterThan(10_000);
    const full = (p: (typeof people)[number]) => `${p.surname} ${p.name} ${p.patronymic}`.trim();
    // Independent of the code under test: consent, an adult this year, not a learner.
    const allowed = people.filter(
      (p) =>
        p.publishName === true &&
        p.category !== "pupil" &&
        p.category !== "college_student" &&
        p.birthYear != null &&
        YEAR - p.birthYear >= 18,
    );
    // The curator of each organisation is named on its page by design (seed 002, section 1).
    const curators = (await db.select({ n: organisations.curatorName }).from(organisations)).map((r) => r.n);
    const allowedFull = new Set([...allowed.map(full), ...curators.filter(Boolean)]);
    const allowedPairs = new Set([...allowedFull].map((n) => n.split(" ").slice(0, 2).join(" ")));
    const text = pages.map((p) => textOf(p.html)).join(" \u0000 ");
    const { pairs, triples, initials } = nameIndex(text);
    const leaks: string[] = [];
    for (const p of people) {
      if (allowedFull.has(full(p))) continue;
      const pair = `${p.surname} ${p.name}`;
      // A namesake of a consenting adult: only the full name tells them apart.
      if (allowedPairs.has(pair) ? triples.has(full(p)) : pairs.has(pair)) leaks.push(full(p));
      if (initials.has(`${p.surname} ${p.name[0]}. ${p.patronymic[0] ?? ""}.`))
        leaks.push(`${p.surname} И. О.`);
    }
    expect(leaks.slice(0, 10)).toEqual([]);
    expect(text).not.toMatch(/год[а]? рождения|г\. ?р\./i);
    // Published names stand alone: no birth year next to them.
    const shown = allowed.filter((p) => pairs.has(`${p.surname} ${p.name}`));
    expect(shown.length).toBeGreaterThan(0);
    for (const p of shown.slice(0, 200)) {
      const at = text.indexOf(full(p));
      if (at >= 0) expect(text.slice(at, at + full(p).length + 40)).not.toContain(String(p.birthYear));
    }
  });

  it("lists the demo region's best practices of both levels on the open-data page", () => {
    // The demo region is the first one rendered (regions in id order).
    const html = pages.find((p) => p.where.endsWith("/practices"))!.html;
    expect(html).toContain("Муниципальный уровень");
    expect(html).toContain("Региональный уровень");
  });

  it("shows counts of people below five as «менее 5»", () => {
    const html = pages.filter((p) => !/\.(csv|json)$/.test(p.where)).map((p) => p.html);
    expect(html.some((h) => h.includes("менее 5"))).toBe(true);
    const counts = html.flatMap((h) => [
      ...[...h.matchAll(/<td class="num">([\d\s\u00a0]+)<\/td>/g)].map((m) => m[1]),
      ...[...h.matchAll(/<dt>Наставн(?:иков|яемых)<\/dt><dd>([^<]+)<\/dd>/g)].map((m) => m[1]),
    ]);
    expect(counts.length).toBeGreaterThan(100);
    const small = counts.filter((c) => /^[\d\s\u00a0]+$/.test(c) && Number(c.replace(/\D/g, "")) < 5);
    expect(small).toEqual([]);
  });
});
