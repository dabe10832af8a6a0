/**
 * The regions of the national set (issue 14: 89 regions, ~26 municipalities and ~600 organisations each): the demo
 * region, the two lighter regions of the demo's first start, and invented regions named like real ones — an
 * oblast after its centre («Северогорская область», centre Северогорск), a krai after its land («Приречный
 * край»). No name is a real region's.
 */
import type { LightRegion } from "./light-regions";
import { LIGHT_REGIONS } from "./light-regions";
import { apportion, latin, Unique } from "./organisations";
import { hashSeed, Rng } from "./random";
import type { DemoSize } from "./size";
import { resolveSize } from "./size";

/** Oblast centres: the oblast's name is the centre's adjective («Северогорск» → «Северогорская область»). */
const OBLAST_CENTRES = [
  "Северогорск",
  "Краснодольск",
  "Белокаменск",
  "Верхнедольск",
  "Новоозёрск",
  "Чернореченск",
  "Светлополянск",
  "Тихоборск",
  "Синеярск",
  "Златогорск",
  "Старополянск",
  "Высокохолмск",
  "Широкореченск",
  "Долгоозёрск",
  "Быстроводск",
  "Среднеярск",
  "Малохолмск",
  "Большеборск",
  "Зеленоярск",
  "Глубокодольск",
  "Каменобродск",
  "Сереброводск",
  "Меднодольск",
  "Железноборск",
  "Новореченск",
  "Староключинск",
  "Белоборск",
  "Красноключинск",
  "Светлобережск",
  "Тиходольск",
  "Верхнеборск",
  "Нижнеярск",
  "Южнодольск",
  "Северобережск",
  "Синеозёрск",
  "Златоборск",
  "Ясноборск",
  "Кленоводск",
  "Дубравинск",
  "Ольхогорск",
  "Вербогорск",
  "Орлоярск",
  "Соколодольск",
  "Журавинск",
  "Гранитогорск",
  "Хрусталёвск",
  "Снегодольск",
  "Ветроярск",
  "Лесоборск",
  "Кедрогорск",
  "Сосноярск",
  "Рябиногорск",
  "Краснобережск",
  "Белодольск",
  "Староозёрск",
  "Новодольск",
  "Верхнеозёрск",
  "Нижнедольск",
  "Ясноозёрск",
  "Светлоборск",
  "Звездоград",
  "Ясноград",
  "Староград",
  "Белоград",
  "Зареград",
  "Речноград",
  "Горноград",
  "Озероград",
  "Светоград",
  "Кремнеград",
];

/** Krais: [name, centre]. */
const KRAIS: [string, string][] = [
  ["Приречный край", "Приреченск"],
  ["Таёжный край", "Таёжинск"],
  ["Предгорный край", "Предгорск"],
  ["Прибрежный край", "Бережанск"],
  ["Заозёрный край", "Озерецк"],
  ["Лесной край", "Лесоград"],
  ["Полесский край", "Полесовск"],
  ["Хвойный край", "Хвойнинск"],
  ["Равнинный край", "Равнинск"],
  ["Холмистый край", "Холмодольск"],
  ["Долинный край", "Долиноград"],
  ["Ключевой край", "Ключегорск"],
  ["Сосновый край", "Соснодольск"],
  ["Кедровый край", "Кедроград"],
  ["Луговой край", "Луговск"],
  ["Увальный край", "Увальск"],
];

/** «Северогорск» → «Северогорская», «Звездоград» → «Звездоградская». */
function oblastAdjective(centre: string): string {
  return `${centre.endsWith("ск") ? centre : `${centre}ск`}ая`;
}

/** The invented regions after the demo region and the two lighter ones, oblasts and krais interleaved. */
function invented(): Omit<LightRegion, "id" | "factor">[] {
  const codes = new Unique();
  for (const r of LIGHT_REGIONS) codes.take(r.code);
  codes.take("demo");
  const oblasts = OBLAST_CENTRES.map((centre) => {
    const adjective = oblastAdjective(centre);
    return {
      name: `${adjective} область`,
      short: `${adjective} обл.`,
      cityRoot: centre,
      code: latin(adjective),
    };
  });
  const krais = KRAIS.map(([name, centre]) => ({
    name,
    short: name,
    cityRoot: centre,
    code: latin(name.split(" ")[0]),
  }));
  const out: Omit<LightRegion, "id" | "factor">[] = [];
  const every = Math.ceil(oblasts.length / krais.length);
  for (let i = 0; i < oblasts.length; i++) {
    out.push(oblasts[i]);
    if (i % every === every - 1 && krais.length) out.push(krais.shift()!);
  }
  out.push(...krais);
  return out.map((r) => ({ ...r, code: codes.take(r.code) }));
}

/** How many regions the national set can have: the demo region, the two lighter ones and the invented ones. */
export const MAX_REGIONS = 1 + LIGHT_REGIONS.length + OBLAST_CENTRES.length + KRAIS.length;

export interface NationalRegion {
  /** Null for the demo region itself (region 1, built in place). */
  region: LightRegion | null;
  size: DemoSize;
}

/**
 * The plan of a set of `count` regions of `size` each on average: region 1 is the demo region at `size`; the others
 * differ in size (×0.6…1.5) and involvement (×0.8…1.15), so that the federal level has something to compare, and
 * together they hold `count` × `size` municipalities and organisations (rounded).
 */
export function nationalPlan(
  count: number,
  size: Partial<DemoSize> | undefined,
  seed: number,
): NationalRegion[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_REGIONS)
    throw new Error(`Число регионов набора — от 1 до ${MAX_REGIONS}, а не ${count}.`);
  const first = resolveSize(size);
  const plan: NationalRegion[] = [{ region: null, size: first }];
  if (count === 1) return plan;
  const avg = { ...first, ...size };
  const rng = new Rng(hashSeed("nastavnik-national", seed));
  const weights = Array.from({ length: count - 1 }, () => rng.float(0.6, 1.5));
  const factors = weights.map(() => rng.float(0.8, 1.15));
  const share = (average: number, inFirst: number, min: number) =>
    apportion(Math.max(0, Math.round(average * count) - inFirst), weights, min);
  const orgs = share(
    avg.organisations,
    first.organisations,
    Math.max(2, Math.round(avg.organisations * 0.4)),
  );
  const munis = share(
    avg.municipalities,
    first.municipalities,
    Math.max(1, Math.round(avg.municipalities * 0.4)),
  );
  const others = invented();
  for (let k = 1; k < count; k++) {
    const organisations = orgs[k - 1];
    const region: LightRegion =
      k <= LIGHT_REGIONS.length
        ? { ...LIGHT_REGIONS[k - 1] }
        : { ...others[k - 1 - LIGHT_REGIONS.length], id: k + 1, factor: factors[k - 1] };
    plan.push({
      region,
      size: resolveSize({
        ...first,
        municipalities: munis[k - 1],
        organisations,
        citySchools: Math.max(1, Math.round((organisations * avg.citySchools) / avg.organisations)),
      }),
    });
  }
  return plan;
}
