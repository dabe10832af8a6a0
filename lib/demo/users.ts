/** The demo accounts, one coordinator per other municipality, the targets and the settings. */
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN } from "./accounts";
import { adultName, fullNameText } from "./names";
import type { Rng } from "./random";
import type { Ids, ProgrammeRow, SettingRow, TargetRow, UserRow } from "./rows";
import type { Territory, Years } from "./territory";

export interface SeededUsers {
  rows: UserRow[];
  curatorUserId: number;
  coordinatorByMuni: Map<number, number>;
}

export function buildUsers(rng: Rng, t: Territory, passwordHash: string, ids: Ids, now: Date): SeededUsers {
  const rows: UserRow[] = [];
  const base = { passwordHash, active: true, createdAt: now, updatedAt: now };
  const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
  const admin = {
    id: ids.next("users"),
    email: account("admin"),
    name: "Соколова Марина Андреевна",
    role: "admin" as const,
    regionId: t.region.id,
  };
  const ministry = {
    id: ids.next("users"),
    email: account("ministry"),
    name: "Волков Андрей Николаевич",
    role: "ministry" as const,
    regionId: t.region.id,
  };
  const coordinator = {
    id: ids.next("users"),
    email: account("coordinator"),
    name: "Кузнецова Ольга Викторовна",
    role: "coordinator" as const,
    municipalityId: t.city.id,
  };
  const curator = {
    id: ids.next("users"),
    email: account("curator"),
    name: t.curatorOrg.curatorName,
    role: "curator" as const,
    organisationId: t.curatorOrg.id,
  };
  rows.push(
    { ...base, ...admin },
    { ...base, ...ministry },
    { ...base, ...coordinator },
    { ...base, ...curator },
    {
      ...base,
      id: ids.next("users"),
      email: account("federal"),
      name: "Орлова Наталья Сергеевна",
      role: "federal",
    },
  );
  const coordinatorByMuni = new Map<number, number>([[t.city.id, coordinator.id]]);
  addCoordinators(
    rng,
    t.munis.filter((m) => m.id !== t.city.id),
    base,
    ids,
    rows,
    coordinatorByMuni,
  );
  return { rows, curatorUserId: curator.id, coordinatorByMuni };
}

/**
 * The accounts of a lighter region (no demo account of its own): a coordinator per municipality and the curator
 * of its first school, who act in its reports' history.
 */
export function buildLightUsers(
  rng: Rng,
  t: Territory,
  passwordHash: string,
  ids: Ids,
  now: Date,
): SeededUsers {
  const base = { passwordHash, active: true, createdAt: now, updatedAt: now };
  const curatorUserId = ids.next("users");
  const rows: UserRow[] = [
    {
      ...base,
      id: curatorUserId,
      email: `curator.${t.curatorOrg.slug}@${DEMO_EMAIL_DOMAIN}`,
      name: t.curatorOrg.curatorName,
      role: "curator",
      organisationId: t.curatorOrg.id,
    },
  ];
  const coordinatorByMuni = new Map<number, number>();
  addCoordinators(rng, t.munis, base, ids, rows, coordinatorByMuni);
  return { rows, curatorUserId, coordinatorByMuni };
}

/** Planned values: percentages rising to the 2024 goals; indicator 2 a number of programmes. */
const PLAN: Record<string, number[]> = {
  "1": [60, 80, 90, 100],
  "3": [15, 30, 50, 70],
  "4": [5, 10, 15, 20],
  "5": [30, 50, 60, 70],
  "6": [10, 20, 30, 40],
  "7": [30, 50, 60, 70],
  N1: [20, 35, 50, 70],
  N2: [20, 35, 50, 70],
};
export const INDICATOR_CODES = ["1", "2", "3", "4", "5", "6", "7", "N1", "N2"];

export function buildTargets(t: Territory, years: Years, programmes: ProgrammeRow[], ids: Ids): TargetRow[] {
  const orgMuni = new Map(t.orgs.map((o) => [o.id, o.muni.id]));
  const ruralLagging = t.munis.find((m) => m.lagging) ?? t.munis.find((m) => m.id !== t.city.id);
  const scopes: { municipalityId: number | null; shift: number }[] = [
    { municipalityId: null, shift: 0 },
    { municipalityId: t.city.id, shift: 5 },
  ];
  if (ruralLagging) scopes.push({ municipalityId: ruralLagging.id, shift: -10 });
  const out: TargetRow[] = [];
  for (let year = years.first; year <= years.current; year++) {
    const i = Math.min(3, year - years.first);
    for (const scope of scopes) {
      for (const indicator of INDICATOR_CODES) {
        let value: number;
        if (indicator === "2") {
          const count = programmes.filter(
            (p) =>
              p.startDate <= `${year}-12-31` &&
              (scope.municipalityId == null || orgMuni.get(p.organisationId) === scope.municipalityId),
          ).length;
          value = Math.max(1, Math.round((count * 0.9) / 5) * 5);
        } else {
          const plan = PLAN[indicator][i];
          value = Math.max(5, Math.min(100, plan + (plan < 100 ? scope.shift : 0)));
        }
        out.push({
          id: ids.next("targets"),
          indicator,
          year,
          regionId: t.region.id,
          municipalityId: scope.municipalityId,
          value,
        });
      }
    }
  }
  return out;
}

export function buildSettings(years: Years, today: Date, seed: number): SettingRow[] {
  return [
    { key: "indicatorYears", value: { from: years.first, to: years.first + 3 } },
    { key: "demo", value: { seededAt: today.toISOString(), seed } },
  ];
}

/** A coordinator account for each municipality (a random adult name), noted in `byMuni`. */
function addCoordinators(
  rng: Rng,
  munis: Territory["munis"],
  base: Pick<UserRow, "passwordHash" | "active" | "createdAt" | "updatedAt">,
  ids: Ids,
  rows: UserRow[],
  byMuni: Map<number, number>,
): void {
  for (const muni of munis) {
    const id = ids.next("users");
    const n = adultName(rng, rng.chance(0.7) ? "f" : "m");
    rows.push({
      ...base,
      id,
      email: `coordinator.${muni.slug}@${DEMO_EMAIL_DOMAIN}`,
      name: fullNameText(n),
      role: "coordinator",
      municipalityId: muni.id,
    });
    byMuni.set(muni.id, id);
  }
}
