/** Names, slugs and kinds of the organisations of each municipality (the cards are filled in territory.ts). */
import { DEMO_CURATOR_SCHOOL_NUMBER } from "./accounts";
import { slugify } from "@/lib/translit";
import type { Rng } from "./random";
import type { DemoSize } from "./size";
import type { MuniPlan, OrgKind } from "./territory";
import * as T from "./texts-territory";

export function genitive(adjective: string): string {
  return adjective.replace(/(ый|ий|ой)$/, "ого");
}

export function latin(text: string): string {
  return slugify(text).replace(/(yy|iy)$/, "y");
}

export class Unique {
  private seen = new Set<string>();
  take(base: string): string {
    let s = base;
    for (let k = 2; this.seen.has(s); k++) s = `${base}-${k}`;
    this.seen.add(s);
    return s;
  }
}

/** Splits `total` over weights, each part at least `min`, deterministically (largest remainder). */
export function apportion(total: number, weights: number[], min: number): number[] {
  const base = weights.map(() => min);
  let left = total - min * weights.length;
  if (left <= 0) return base;
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * left);
  const parts = exact.map((x, i) => base[i] + Math.floor(x));
  left -= exact.reduce((s, x) => s + Math.floor(x), 0);
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < left; k++) parts[byRemainder[k % byRemainder.length][1]]++;
  return parts;
}

export interface Draft {
  muni: MuniPlan;
  kind: OrgKind;
  fullName: string;
  shortName: string;
  slug: string;
  settlement: string;
}

export function draftOrgs(rng: Rng, size: DemoSize, munis: MuniPlan[]): Draft[] {
  const [city, ...rural] = munis;
  const colleges = Math.max(1, Math.round(size.organisations * 0.035));
  const additional = Math.max(1, Math.round(size.organisations * 0.065));
  const cityColleges = rural.length ? Math.max(1, Math.round(colleges * 0.6)) : colleges;
  const cityAdditional = rural.length ? Math.max(1, Math.round(additional * 0.3)) : additional;
  const ruralSchools = rural.length
    ? Math.max(rural.length, size.organisations - size.citySchools - colleges - additional)
    : 0;
  const weights = rural.map(() => rng.float(0.6, 1.5));
  const schoolsPer = apportion(ruralSchools, weights, 1);
  const rank = rural.map((_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
  const slugs = new Unique();
  const out: Draft[] = [];

  const numbers = rng.shuffle(
    Array.from({ length: Math.max(60, Math.ceil(size.citySchools * 1.6)) }, (_, i) => i + 1).filter(
      (n) => n !== DEMO_CURATOR_SCHOOL_NUMBER,
    ),
  );
  for (let i = 0; i < size.citySchools; i++) {
    const n = i === 0 ? DEMO_CURATOR_SCHOOL_NUMBER : numbers[i - 1];
    const type =
      i === 0
        ? "sosh"
        : rng.weighted([
            ["sosh", 72],
            ["licey", 10],
            ["gimnaziya", 10],
            ["uiop", 8],
          ] as const);
    const autonomous = i !== 0 && rng.chance(type === "licey" || type === "gimnaziya" ? 0.6 : 0.2);
    const [formFull, formShort] = autonomous ? ["автономное", "МАОУ"] : ["бюджетное", "МБОУ"];
    const inner =
      type === "licey"
        ? `Лицей № ${n}`
        : type === "gimnaziya"
          ? `Гимназия № ${n}`
          : `Средняя общеобразовательная школа № ${n}${type === "uiop" ? " с углублённым изучением отдельных предметов" : ""}`;
    const short =
      type === "licey"
        ? `${formShort} «Лицей № ${n}»`
        : type === "gimnaziya"
          ? `${formShort} «Гимназия № ${n}»`
          : `${formShort} СОШ № ${n}${type === "uiop" ? " с УИОП" : ""}`;
    out.push({
      muni: city,
      kind: "school",
      fullName: `Муниципальное ${formFull} общеобразовательное учреждение «${inner}» ${city.genitive}`,
      shortName: short,
      slug: slugs.take(`${city.slug}-${type === "uiop" ? "sosh" : type}-${n}`),
      settlement: `г. ${T.CITY.name}`,
    });
  }
  rural.forEach((muni, m) => {
    const villages = rng.shuffle(T.VILLAGES);
    for (let k = 0; k < schoolsPer[m]; k++) {
      const [village, adj] = villages[k % villages.length];
      const suffix = k >= villages.length ? ` № ${Math.floor(k / villages.length) + 1}` : "";
      const basic = rng.chance(0.3);
      const [formFull, formShort] = rng.chance(0.5) ? ["казённое", "МКОУ"] : ["бюджетное", "МБОУ"];
      const typeFull = basic ? "основная общеобразовательная школа" : "средняя общеобразовательная школа";
      out.push({
        muni,
        kind: "school",
        fullName: `Муниципальное ${formFull} общеобразовательное учреждение «${adj} ${typeFull}${suffix}» ${muni.genitive}`,
        shortName: `${formShort} «${adj} ${basic ? "ООШ" : "СОШ"}${suffix}»`,
        slug: slugs.take(`${muni.slug}-${latin(village)}-${basic ? "oosh" : "sosh"}`),
        settlement: `с. ${village}`,
      });
    }
  });
  for (let k = 0; k < colleges; k++) {
    const inCity = k < cityColleges;
    const muni = inCity ? city : rural[rank[(k - cityColleges) % rural.length]];
    const name = inCity
      ? T.CITY_COLLEGES[k % T.CITY_COLLEGES.length] +
        (k >= T.CITY_COLLEGES.length ? ` № ${Math.floor(k / T.CITY_COLLEGES.length) + 1}` : "")
      : `${muni.adjective} ${T.RURAL_COLLEGES[(k - cityColleges) % T.RURAL_COLLEGES.length]}`;
    out.push({
      muni,
      kind: "college",
      fullName: `Государственное бюджетное профессиональное образовательное учреждение «${name}»`,
      shortName: `ГБПОУ «${name}»`,
      slug: slugs.take(latin(name)),
      settlement: inCity ? `г. ${T.CITY.name}` : `с. ${muni.centre}`,
    });
  }
  for (let k = 0; k < additional; k++) {
    const inCity = k < cityAdditional;
    const muni = inCity ? city : rural[rank[(k - cityAdditional) % rural.length]];
    const list = inCity ? T.CITY_ADDITIONAL : T.RURAL_ADDITIONAL;
    const idx = inCity ? k : Math.floor((k - cityAdditional) / rural.length);
    const [full, short] = list[idx % list.length];
    const place = inCity ? "городского округа Демоград" : `${genitive(muni.adjective)} района`;
    out.push({
      muni,
      kind: "additional",
      fullName: `Муниципальное бюджетное учреждение дополнительного образования «${full}» ${inCity ? place : muni.genitive}`,
      shortName: `МБУ ДО «${short}»${inCity ? "" : ` ${place}`}${idx >= list.length ? ` № ${Math.floor(idx / list.length) + 1}` : ""}`,
      slug: slugs.take(`${muni.slug}-${latin(short)}`),
      settlement: inCity ? `г. ${T.CITY.name}` : `с. ${muni.centre}`,
    });
  }
  return out;
}
