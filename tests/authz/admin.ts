import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, organisations, periods, users } from "@/db/schema";
import type { AttemptContext, MatrixRow } from "./types";
import { municipalityOf, targetOrg } from "./types";

const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

/** The region of the target: the admin's "sibling" scope is another region, as in targetOrg. */
const targetRegion = (ctx: AttemptContext) => (ctx.target === "own" ? ctx.t.regionId : ctx.other.regionId);

/** A curator of the organisation, made for one attempt (the tenant's own accounts stay untouched). */
async function curatorIn(organisationId: number) {
  const db = await getDb();
  const id = uid();
  const [u] = await db
    .insert(users)
    .values({ email: `mx-cur-${id}@test.local`, name: `Куратор ${id}`, role: "curator", organisationId })
    .returning();
  return u;
}

async function municipalityIn(regionId: number) {
  const db = await getDb();
  const id = uid();
  const [m] = await db
    .insert(municipalities)
    .values({ regionId, name: `Матричный район ${id}`, slug: `mx-m-${id}` })
    .returning();
  return m;
}

async function organisationIn(municipalityId: number) {
  const db = await getDb();
  const id = uid();
  const [o] = await db
    .insert(organisations)
    .values({ municipalityId, fullName: `Матричная школа ${id}`, shortName: `МШ ${id}`, slug: `mx-o-${id}` })
    .returning();
  return o;
}

const users_ = () => import("@/lib/admin/users/actions");
const directory = () => import("@/lib/admin/directory/actions");
const periodActions = () => import("@/lib/admin/periods/actions");

/**
 * Periods belong to a region, and the period actions name none: they open or change a period of the admin's
 * own region, so there is no other region's period to try (tests/admin-periods.test.ts shows that another
 * region's admin cannot reach them), only the role on the own target.
 */
const OWN_REGION = ["own"] as const;

export const rows: Record<string, MatrixRow> = {
  setPasswordAction: { public: "sets a password from an emailed one-time link: the link is the credential" },
  requestPasswordResetAction: { public: "a signed-out user asks for a reset link by email" },
  createUserAction: {
    allowed: ["admin", "coordinator"],
    attempt: async (ctx) => {
      const { createUserAction } = await users_();
      const input = {
        name: "Новый Куратор",
        email: `mx-new-${uid()}@test.local`,
        role: "curator",
        organisationId: targetOrg(ctx),
      };
      return ctx.act(() => createUserAction(input));
    },
  },
  updateUserAction: {
    allowed: ["admin", "coordinator"],
    attempt: async (ctx) => {
      const u = await curatorIn(targetOrg(ctx));
      const { updateUserAction } = await users_();
      return ctx.act(() =>
        updateUserAction({
          userId: u.id,
          updatedAt: u.updatedAt.toISOString(),
          name: "Куратор Переименованный",
          email: u.email,
          role: "curator",
          organisationId: u.organisationId,
        }),
      );
    },
  },
  setUserActiveAction: {
    allowed: ["admin", "coordinator"],
    attempt: async (ctx) => {
      const u = await curatorIn(targetOrg(ctx));
      const { setUserActiveAction } = await users_();
      return ctx.act(() =>
        setUserActiveAction({
          userId: u.id,
          updatedAt: u.updatedAt.toISOString(),
          active: false,
        }),
      );
    },
  },
  issuePasswordLinkAction: {
    allowed: ["admin", "coordinator"],
    attempt: async (ctx) => {
      const u = await curatorIn(targetOrg(ctx));
      const { issuePasswordLinkAction } = await users_();
      return ctx.act(() => issuePasswordLinkAction({ userId: u.id }));
    },
  },
  createMunicipalityAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const { createMunicipalityAction } = await directory();
      const input = {
        regionId: targetRegion(ctx),
        name: `Новый район ${uid()}`,
        kind: "municipal_district",
      };
      return ctx.act(() => createMunicipalityAction(input));
    },
  },
  updateMunicipalityAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const m = await municipalityIn(targetRegion(ctx));
      const { updateMunicipalityAction } = await directory();
      return ctx.act(() =>
        updateMunicipalityAction({
          municipalityId: m.id,
          updatedAt: m.updatedAt.toISOString(),
          name: `${m.name} (переименован)`,
          kind: "city_district",
        }),
      );
    },
  },
  archiveMunicipalityAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const m = await municipalityIn(targetRegion(ctx));
      const { archiveMunicipalityAction } = await directory();
      return ctx.act(() => archiveMunicipalityAction({ municipalityId: m.id, archived: true }));
    },
  },
  createOrganisationAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const { createOrganisationAction } = await directory();
      const input = {
        municipalityId: await municipalityOf(targetOrg(ctx)),
        kind: "school",
        fullName: `Новая школа ${uid()}`,
        shortName: "Новая школа",
        address: "",
        directorName: "",
        phone: "",
        email: "",
        website: "",
        learners10to18: 10,
        teachingStaff: 5,
        youngTeachers: 1,
        joinedYear: "2022",
        obliged: true,
      };
      return ctx.act(() => createOrganisationAction(input));
    },
  },
  updateOrganisationAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const o = await organisationIn(await municipalityOf(targetOrg(ctx)));
      const { updateOrganisationAction } = await directory();
      return ctx.act(() =>
        updateOrganisationAction({
          organisationId: o.id,
          updatedAt: o.updatedAt.toISOString(),
          municipalityId: o.municipalityId,
          kind: "college",
          joinedYear: "2021",
          obliged: false,
        }),
      );
    },
  },
  archiveOrganisationAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const o = await organisationIn(await municipalityOf(targetOrg(ctx)));
      const { archiveOrganisationAction } = await directory();
      return ctx.act(() =>
        archiveOrganisationAction({
          organisationId: o.id,
          updatedAt: o.updatedAt.toISOString(),
          archived: true,
        }),
      );
    },
  },
  importOrganisationsAction: {
    allowed: ["admin"],
    attempt: async (ctx) => {
      const db = await getDb();
      const [m] = await db
        .select()
        .from(municipalities)
        .where(eq(municipalities.id, await municipalityOf(targetOrg(ctx))));
      const csv = `Муниципальный район;Общеобразовательная организация;Обучающихся 10–18 лет;Педагогических работников;Молодых специалистов\n${m.name};Импортная школа ${uid()};100;20;2\n`;
      const data = new FormData();
      data.append("regionId", String(targetRegion(ctx)));
      data.append("mode", "all");
      data.append("file", new File([csv], "orgs.csv", { type: "text/csv" }));
      const { importOrganisationsAction } = await directory();
      return ctx.act(() => importOrganisationsAction(data));
    },
  },
  openPeriodAction: {
    allowed: ["admin"],
    targets: OWN_REGION,
    attempt: async (ctx) => {
      const db = await getDb();
      const year = 2090 + Math.floor(Math.random() * 9);
      const quarter = 1 + Math.floor(Math.random() * 4);
      await db
        .delete(periods)
        .where(
          and(eq(periods.regionId, ctx.t.regionId), eq(periods.year, year), eq(periods.quarter, quarter)),
        );
      const { openPeriodAction } = await periodActions();
      return ctx.act(() => openPeriodAction({ year, quarter, deadline: "" }));
    },
  },
  updatePeriodAction: {
    allowed: ["admin"],
    targets: OWN_REGION,
    attempt: async (ctx) => {
      const db = await getDb();
      await db
        .insert(periods)
        .values({ regionId: ctx.t.regionId, year: 2089, quarter: 4, deadline: "2090-01-10" })
        .onConflictDoNothing();
      const [p] = await db
        .select()
        .from(periods)
        .where(and(eq(periods.regionId, ctx.t.regionId), eq(periods.year, 2089), eq(periods.quarter, 4)));
      const day = 10 + Math.floor(Math.random() * 18);
      const { updatePeriodAction } = await periodActions();
      return ctx.act(() =>
        updatePeriodAction({
          year: 2089,
          quarter: 4,
          deadline: `2090-01-${day}`,
          open: true,
          updatedAt: p.updatedAt.toISOString(),
        }),
      );
    },
  },
  setRegionTimeZoneAction: {
    allowed: ["admin"],
    // The action names no region: it sets the admin's own, so there is no other region's record to try.
    targets: ["own"],
    attempt: async (ctx) => {
      const { setRegionTimeZoneAction } = await import("@/lib/admin/region/actions");
      return ctx.act(() => setRegionTimeZoneAction({ timeZone: "Europe/Moscow" }));
    },
  },
};
