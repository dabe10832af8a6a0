/** The region, its municipalities and organisations with their cards and form-1 figures per year. */
import { DEMO_CITY_NAME } from "./accounts";
import { adultName, fullNameText } from "./names";
import { draftOrgs, genitive, latin, Unique, type Draft } from "./organisations";
import type { Rng } from "./random";
import type { DemoSize } from "./size";
import * as T from "./texts-territory";

export type OrgKind = "school" | "college" | "additional";

export interface MuniPlan {
  id: number;
  name: string;
  slug: string;
  kind: "city_district" | "municipal_district";
  /** Multiplies the involvement curve: ≈0.6 lagging, ≈1.2 ahead, ≈1 the rest. */
  factor: number;
  lagging: boolean;
  adjective: string;
  genitive: string;
  centre: string;
  phoneCode: string;
  postcode: number;
}

export interface Figures {
  learners: number;
  staff: number;
  young: number;
}

export interface OrgPlan {
  id: number;
  index: number;
  muni: MuniPlan;
  kind: OrgKind;
  fullName: string;
  shortName: string;
  address: string;
  directorName: string;
  phone: string;
  email: string;
  website: string;
  slug: string;
  /** Null when the organisation has not joined the model yet (only when `today` is early). */
  joinedYear: number | null;
  /** The day the model was introduced: the first order; nothing happens in its registers before it. */
  startDate: string;
  factor: number;
  /** Keeps its documents late or incomplete. */
  lagging: boolean;
  /** Form-1 figures by year; the current year's are the card's. */
  figures: Map<number, Figures>;
  curatorName: string;
  curatorContact: string;
}

export interface Territory {
  region: { id: number; name: string; code: string };
  munis: MuniPlan[];
  orgs: OrgPlan[];
  city: MuniPlan;
  curatorOrg: OrgPlan;
  colleges: OrgPlan[];
}

export interface Years {
  first: number;
  current: number;
  today: string;
}

const PREFIXES = ["", "Ново", "Старо", "Верхне", "Нижне", "Северо", "Южно", "Западно", "Восточно"];

function buildMunis(rng: Rng, size: DemoSize, districtOffset: number): MuniPlan[] {
  const rural = size.municipalities - 1;
  const order = rng.shuffle(Array.from({ length: rural }, (_, i) => i));
  const ahead = rural >= 2 ? order[0] : -1;
  const laggingCount = rural >= 3 ? Math.max(1, Math.round(rural * 0.3)) : rural === 2 ? 1 : 0;
  const lagging = new Set(order.slice(1, 1 + laggingCount));
  const slugs = new Unique();
  const city: MuniPlan = {
    id: 1,
    name: DEMO_CITY_NAME,
    slug: slugs.take(T.CITY.slug),
    kind: "city_district",
    factor: 1.02,
    lagging: false,
    adjective: T.CITY.adjective,
    genitive: "городского округа Демоград",
    centre: T.CITY.name,
    phoneCode: T.CITY.phoneCode,
    postcode: 450000,
  };
  const munis = [city];
  for (let i = 0; i < rural; i++) {
    const [root, centre] = T.DISTRICTS[(i + districtOffset) % T.DISTRICTS.length];
    const prefix = PREFIXES[Math.floor(i / T.DISTRICTS.length) % PREFIXES.length];
    const adjective = prefix ? prefix + root[0].toLowerCase() + root.slice(1) : root;
    const factor = i === ahead ? 1.2 : lagging.has(i) ? rng.float(0.56, 0.64) : rng.float(0.9, 1.08);
    munis.push({
      id: i + 2,
      name: `${adjective} муниципальный район`,
      slug: slugs.take(latin(adjective)),
      kind: "municipal_district",
      factor,
      lagging: lagging.has(i),
      adjective,
      genitive: `${genitive(adjective)} муниципального района`,
      centre,
      phoneCode: String(35140 + (i % 60)),
      postcode: 456000 + (i % 900) * 10,
    });
  }
  return munis;
}

function cardFigures(rng: Rng, d: Draft, size: DemoSize): Figures {
  const urban = d.muni.kind === "city_district";
  const basic = d.shortName.includes("ООШ");
  const [lMin, lMax, sMin, sMax] =
    d.kind === "college"
      ? urban
        ? [450, 900, 45, 85]
        : [250, 450, 25, 45]
      : d.kind === "additional"
        ? urban
          ? [500, 1100, 30, 60]
          : [150, 400, 12, 25]
        : urban
          ? [500, 1200, 50, 90]
          : basic
            ? [60, 110, 12, 18]
            : [80, 200, 14, 25];
  const learners = Math.max(10, Math.round(rng.int(lMin, lMax) * size.learnerScale));
  const drawn = rng.int(sMin, sMax);
  const staff = size.staffScale === 1 ? drawn : Math.max(5, Math.round(drawn * size.staffScale));
  const young = Math.min(staff, Math.max(1, Math.round(staff * rng.float(0.05, 0.15))));
  return { learners, staff, young };
}

/**
 * The region at ids 1…; its rural districts take their names from the list starting at `districtOffset` (the
 * regions of the national set start at different places, so that neighbouring regions differ).
 */
export function buildTerritory(rng: Rng, size: DemoSize, years: Years, districtOffset = 0): Territory {
  const munis = buildMunis(rng.fork("munis"), size, districtOffset);
  const drafts = draftOrgs(rng.fork("orgs"), size, munis);
  const orgs = drafts.map((d, index): OrgPlan => {
    const r = rng.fork("org", index);
    const card = cardFigures(r, d, size);
    const figures = new Map<number, Figures>();
    const growth = r.float(-0.01, 0.025);
    for (let y = years.first; y <= years.current; y++) {
      if (y === years.current) {
        figures.set(y, card);
        continue;
      }
      const staff = Math.max(5, card.staff + Math.round(card.staff * r.float(-0.04, 0.04)));
      figures.set(y, {
        learners: Math.max(10, Math.round(card.learners / (1 + growth) ** (years.current - y))),
        staff,
        young: Math.min(staff, Math.max(1, card.young + r.int(-1, 1))),
      });
    }
    const lateWeights = d.muni.lagging
      ? [70, 22, 8]
      : d.muni.kind === "city_district"
        ? [92, 7, 1]
        : [86, 11, 3];
    const joined =
      index === 0 ? years.first : years.first + r.weighted(lateWeights.map((w, i) => [i, w] as const));
    const start =
      joined === years.first
        ? `${joined}-0${r.int(1, 2)}-${String(r.int(10, 28)).padStart(2, "0")}`
        : `${joined}-0${r.int(8, 9)}-${String(r.int(1, 28)).padStart(2, "0")}`;
    const joinedYear = joined <= years.current && start <= years.today ? joined : null;
    const director = adultName(r, r.chance(0.65) ? "f" : "m");
    const curator = adultName(r, r.chance(0.85) ? "f" : "m");
    const street = r.pick(T.STREETS);
    const phone = `+7 (${d.muni.phoneCode}) ${d.muni.kind === "city_district" ? `${r.int(20, 79)}-${r.int(10, 99)}-${r.int(10, 99)}` : `${r.int(2, 9)}-${r.int(10, 99)}-${r.int(10, 99)}`}`;
    return {
      id: index + 1,
      index,
      muni: d.muni,
      kind: d.kind,
      fullName: d.fullName,
      shortName: d.shortName,
      address: `${d.muni.postcode + r.int(1, 99)}, ${T.REGION_SHORT}, ${d.muni.kind === "city_district" ? "" : `${d.muni.adjective} р-н, `}${d.settlement}, ${street}, д. ${r.int(1, 60)}`,
      directorName: fullNameText(director),
      phone,
      email: `${d.slug}@edu.demo`,
      website: `https://${d.slug}.edu.demo`,
      slug: d.slug,
      joinedYear,
      startDate: start,
      factor: d.muni.factor * r.float(0.88, 1.12),
      lagging: index !== 0 && r.chance(d.muni.lagging ? 0.45 : 0.06),
      figures,
      curatorName: fullNameText(curator),
      curatorContact: `${phone}, доб. ${r.int(101, 199)}`,
    };
  });
  const city = munis[0];
  return {
    region: { id: 1, name: T.REGION_NAME, code: "demo" },
    munis,
    orgs,
    city,
    curatorOrg: orgs[0],
    colleges: orgs.filter((o) => o.kind === "college"),
  };
}
