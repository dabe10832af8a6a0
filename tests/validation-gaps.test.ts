/**
 * Validation gaps that wrote bad data: every id field refuses what is not a whole number (a JSON `true` is not
 * organisation 1), a required text omitted from the input is refused (not saved empty), a web address is
 * http(s) only everywhere. Walks every object schema in lib/**, so a new schema is covered without a new test.
 */
import type { z } from "zod";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { changedTables, fingerprint } from "./support/db-fingerprint";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const modules = import.meta.glob<Record<string, unknown>>([
  "../lib/**/schemas.ts",
  "../lib/**/fields.ts",
  "../lib/**/target-schemas.ts",
]);

/** Every exported zod object (also inside a refine/pipe) with its name. */
async function objectSchemas() {
  const out: { name: string; shape: Record<string, z.ZodType> }[] = [];
  for (const [file, load] of Object.entries(modules)) {
    const mod = await load();
    for (const [name, value] of Object.entries(mod)) {
      let s = value as { _zod?: { def?: { type?: string; in?: unknown; shape?: unknown } }; shape?: unknown };
      // Unwrap pipes (refine/transform/preprocess) down to the object.
      for (let i = 0; i < 5 && s?._zod?.def?.type === "pipe"; i++) s = s._zod.def.in as typeof s;
      if (s?._zod?.def?.type === "object" && s.shape)
        out.push({
          name: `${file.replace("../lib/", "")}:${name}`,
          shape: s.shape as Record<string, z.ZodType>,
        });
    }
  }
  return out;
}

const ID_KEY = /^(id|.*Id)$/;
/** Addresses shown as links; `callbackUrl` is a path on this site, cut to one by `safeCallbackPath`. */
const URL_KEY = /^(website|url|link|.*Url|.*Link)$/i;
const NOT_A_LINK = new Set(["callbackUrl"]);

describe("schema building blocks", () => {
  it("no id field takes a boolean, an array or a fraction for a number", async () => {
    const schemas = await objectSchemas();
    const checked: string[] = [];
    const accepted: string[] = [];
    for (const { name, shape } of schemas) {
      for (const [key, field] of Object.entries(shape)) {
        if (!ID_KEY.test(key)) continue;
        checked.push(`${name}.${key}`);
        for (const bad of [true, false, [7], "1.5", 1.5, "1e3", {}]) {
          const r = field.safeParse(bad);
          // null may legitimately mean «none» for an optional id, and a catch() may turn bad into null.
          if (r.success && r.data !== null && r.data !== undefined)
            accepted.push(`${name}.${key} ← ${JSON.stringify(bad)} → ${JSON.stringify(r.data)}`);
        }
        const good = field.safeParse(7);
        expect(good.success, `${name}.${key} takes 7`).toBe(true);
        const asText = field.safeParse("7");
        expect(asText.success, `${name}.${key} takes "7" (FormData)`).toBe(true);
      }
    }
    expect(checked.length).toBeGreaterThan(20);
    expect(accepted).toEqual([]);
  });

  it("every web address field is http(s) only", async () => {
    const schemas = await objectSchemas();
    const accepted: string[] = [];
    let checked = 0;
    for (const { name, shape } of schemas) {
      for (const [key, field] of Object.entries(shape)) {
        if (!URL_KEY.test(key) || NOT_A_LINK.has(key)) continue;
        checked++;
        for (const bad of [
          "javascript:alert(1)",
          "JavaScript:alert(document.cookie)",
          "data:text/html,<script>alert(1)</script>",
          "vbscript:msgbox(1)",
          "file:///etc/passwd",
          "ftp://school.ru/",
        ]) {
          if (field.safeParse(bad).success) accepted.push(`${name}.${key} ← ${bad}`);
        }
        expect(field.safeParse("https://school.ru/").success, `${name}.${key} takes https`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(accepted).toEqual([]);
  });
});

describe("actions refuse what the form would refuse", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("gaps");
  });

  it("a programme without a title is not created", async () => {
    signInAs(t.users.curator);
    const { createProgrammeAction } = await import("@/lib/registry/programmes/actions");
    const before = await fingerprint();
    const r = await createProgrammeAction({
      organisationId: t.orgId,
      format: "teacher_teacher",
      startDate: "2026-09-01",
      stage: "planning",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.title?.join(" ")).toMatch(/Название/);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("organisationId: true is not organisation 1", async () => {
    signInAs(t.users.admin);
    const { createPersonAction } = await import("@/lib/registry/persons/actions");
    const before = await fingerprint();
    const r = await createPersonAction({
      organisationId: true,
      surname: "Иванов",
      name: "Иван",
      category: "teacher",
      isMentor: true,
    });
    expect(r.ok).toBe(false);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  it("the organisation card does not save a javascript: address as the school's site", async () => {
    signInAs(t.users.curator);
    const { updateOrganisationCardAction } = await import("@/lib/organisations/actions");
    const r = await updateOrganisationCardAction({
      id: t.orgId,
      updatedAt: new Date().toISOString(),
      fullName: "Школа № 1",
      shortName: "СОШ № 1",
      address: "",
      directorName: "",
      phone: "",
      email: "",
      website: "javascript:alert(1)",
      learners10to18: 1,
      teachingStaff: 1,
      youngTeachers: 0,
      curatorName: "",
      curatorContact: "",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.website?.join(" ")).toMatch(/https:\/\//);
  });
});
