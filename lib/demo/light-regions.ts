/**
 * Two lighter regions beside the demo region (issue 14: a federal level has several regions to compare). Each is
 * built by the same generator at a small size, then moved to its own ids, names and addresses: no slug, e-mail
 * or municipality name repeats the demo region's.
 */
import { genitive, latin } from "./organisations";
import type { DemoSize } from "./size";
import type { Territory } from "./territory";
import * as T from "./texts-territory";

export interface LightRegion {
  id: number;
  name: string;
  /** How the addresses name the region. */
  short: string;
  code: string;
  /** Replaces «Демоград» in every name of the city district and its organisations. */
  cityRoot: string;
  /** Multiplies every municipality's involvement: one region lags, one is ahead. */
  factor: number;
}

export const LIGHT_REGIONS: LightRegion[] = [
  {
    id: 2,
    name: "Озёрная область",
    short: "Озёрная обл.",
    code: "ozernaya",
    cityRoot: "Нордград",
    factor: 0.8,
  },
  { id: 3, name: "Степной край", short: "Степной край", code: "stepnoy", cityRoot: "Южноград", factor: 1.12 },
];

/** ~15 organisations in 3 municipalities each, smaller schools: a few seconds more on the first start. */
export const LIGHT_SIZE: Partial<DemoSize> = {
  municipalities: 3,
  organisations: 15,
  citySchools: 5,
  learnerScale: 0.4,
};

/** The stem of the centre's adjective: «Нордградск(ий)», but «Северогорск(ий)» for a centre ending in -ск. */
function stemOf(r: LightRegion): string {
  return r.cityRoot.endsWith("ск") ? r.cityRoot : `${r.cityRoot}ск`;
}

/** Puts the region's centre where a text names Демоград: «Демоградский завод» → «Северогорский завод». */
export function cityRenamer(r: LightRegion): (text: string) => string {
  const stem = stemOf(r);
  return (text) => text.replaceAll(`${T.CITY.name}ск`, stem).replaceAll(T.CITY.name, r.cityRoot);
}

/**
 * Moves a territory built at ids 1… to the region `r`, its municipalities and organisations after `offset`. The
 * rural districts take names from the end of the list (`shift` apart), so that no name repeats; with `shift` null
 * they keep the names they were built with (the national set builds each region's districts at its own place in
 * the list) and only their addresses get the region's code.
 */
export function relocate(
  t: Territory,
  r: LightRegion,
  offset: { municipalities: number; organisations: number },
  shift: number | null,
): Territory {
  const cityStem = stemOf(r);
  const renames: [string, string][] = [
    ["Демонстрационная обл.", r.short],
    ["Демонстрационная область", r.name],
  ];
  const renameCity = cityRenamer(r);
  t.munis.forEach((m, i) => {
    m.id += offset.municipalities;
    m.factor *= r.factor;
    if (m.kind === "city_district") {
      m.name = renameCity(m.name);
      m.genitive = renameCity(m.genitive);
      m.adjective = renameCity(m.adjective);
      m.centre = r.cityRoot;
      m.slug = `${r.code}-${latin(r.cityRoot)}`;
      return;
    }
    if (shift === null) {
      m.slug = `${r.code}-${m.slug}`;
      return;
    }
    const [adjective, centre] = T.DISTRICTS[(T.DISTRICTS.length - 1 - shift - i) % T.DISTRICTS.length];
    renames.push([m.genitive, `${genitive(adjective)} муниципального района`], [m.adjective, adjective]);
    renames.push([m.centre, centre]);
    m.name = `${adjective} муниципальный район`;
    m.genitive = `${genitive(adjective)} муниципального района`;
    m.adjective = adjective;
    m.centre = centre;
    m.slug = `${r.code}-${latin(adjective)}`;
  });
  renames.push([`${T.CITY.name}ск`, cityStem], [T.CITY.name, r.cityRoot]);
  const rename = (s: string) => renames.reduce((acc, [from, to]) => acc.replaceAll(from, to), s);
  for (const o of t.orgs) {
    o.id += offset.organisations;
    o.fullName = rename(o.fullName);
    o.shortName = rename(o.shortName);
    o.address = rename(o.address);
    // The national set's addresses name the region's own centre (the two lighter regions keep theirs as they were).
    const slug =
      shift === null
        ? o.slug.replaceAll(`${T.CITY.slug}sk`, latin(cityStem)).replaceAll(T.CITY.slug, latin(r.cityRoot))
        : o.slug;
    o.slug = `${r.code}-${slug}`;
    o.email = `${o.slug}@edu.demo`;
    o.website = `https://${o.slug}.edu.demo`;
    o.factor *= r.factor;
  }
  t.region = { id: r.id, name: r.name, code: r.code };
  return t;
}
