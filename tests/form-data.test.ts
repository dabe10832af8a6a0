import { eq } from "drizzle-orm";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb } from "@/db";
import { menteeProfiles, persons } from "@/db/schema";
import { acceptFormData, valuesFromFormData } from "@/lib/actions/form-data";
import { NEXT_FIELD, nextPath } from "@/lib/actions/next-path";
import type { ActionResult } from "@/lib/actions/result";
import { saveTargetsSchema } from "@/lib/indicators/target-schemas";
import { assignMentorshipsSchema } from "@/lib/registry/mentorships/schemas";
import { createPersonAction } from "@/lib/registry/persons/actions";
import { personSchema } from "@/lib/registry/persons/schemas";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn() }));

// A form posted without JavaScript reaches its server action as React's form action, (previous state,
// FormData): the action reads it by its schema into the object the form sends with JavaScript.

const form = (entries: [string, string | File][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

/** The URL a redirect error sends to, or null when `run` did not redirect. */
async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (isRedirectError(error)) return getURLFromRedirectError(error);
    throw error;
  }
}

const year = new Date().getFullYear();

describe("valuesFromFormData", () => {
  it("reads a person: dotted names into objects, check boxes as booleans (ticked: on, absent: false)", () => {
    const values = valuesFromFormData(
      personSchema,
      form([
        ["organisationId", "7"],
        ["surname", "Иванова"],
        ["name", "Ольга"],
        ["birthYear", "2014"],
        ["category", "pupil"],
        ["isMentee", "on"],
        ["mentee.request", "Математика"],
        ["mentee.consentDate", "2025-09-01"],
        ["mentor.publishName", "false"],
        ["$next", "/registry/persons/{id}"],
      ]),
    );
    expect(values).toEqual({
      organisationId: "7",
      surname: "Иванова",
      name: "Ольга",
      birthYear: "2014",
      category: "pupil",
      isMentor: false,
      isMentee: true,
      mentor: { publishName: false },
      mentee: { request: "Математика", consentDate: "2025-09-01", hasIndividualRoute: false },
    });
    const parsed = personSchema.parse(values);
    expect(parsed).toMatchObject({ isMentor: false, isMentee: true, birthYear: 2014 });
    expect(parsed.mentor.publishName).toBe(false);
  });

  it("reads plain booleans and numbers, lists from repeated names, rows of objects by index", () => {
    const schema = z.object({
      agreed: z.boolean(),
      other: z.boolean(),
      count: z.number().optional(),
      empty: z.number().optional(),
      tags: z.array(z.string()),
      rows: z.array(z.object({ name: z.string(), done: z.boolean() })),
    });
    const values = valuesFromFormData(
      schema,
      form([
        ["agreed", "on"],
        ["count", " 12 "],
        ["empty", ""],
        ["tags", "а"],
        ["tags", "б"],
        ["rows.1.name", "второй"],
        ["rows.0.name", "первый"],
        ["rows.0.done", "true"],
      ]),
    );
    expect(schema.parse(values)).toEqual({
      agreed: true,
      other: false,
      count: 12,
      tags: ["а", "б"],
      rows: [
        { name: "первый", done: true },
        { name: "второй", done: false },
      ],
    });
  });

  it("leaves a preprocessed field to its schema: the ticked mentees of a pair, one or several", () => {
    const base: [string, string][] = [
      ["programmeId", "3"],
      ["mentorId", "4"],
      ["entryDate", "2025-09-01"],
    ];
    const one = assignMentorshipsSchema.parse(
      valuesFromFormData(assignMentorshipsSchema, form([...base, ["menteeIds", "5"]])),
    );
    expect(one.menteeIds).toEqual([5]);
    const two = assignMentorshipsSchema.parse(
      valuesFromFormData(assignMentorshipsSchema, form([...base, ["menteeIds", "5"], ["menteeIds", "6"]])),
    );
    expect(two.menteeIds).toEqual([5, 6]);
  });

  it("hands a schema that reads FormData itself the FormData unchanged", () => {
    const data = form([
      ["territory", "region"],
      ["v:1:2026", "50"],
    ]);
    expect(valuesFromFormData(saveTargetsSchema, data)).toBe(data);
  });
});

describe("nextPath", () => {
  it("fills the saved record's id into a path of this site, and nothing else", () => {
    expect(nextPath("/registry/persons/{id}?org=5", { id: 12 })).toBe("/registry/persons/12?org=5");
    expect(nextPath("//evil.example/{id}", { id: 1 })).toBeNull();
    expect(nextPath("/\\evil.example", {})).toBeNull();
    expect(nextPath("https://evil.example/", {})).toBeNull();
    expect(nextPath("/registry/persons/{id}", {})).toBeNull();
  });
});

describe("acceptFormData", () => {
  const schema = z.object({ email: z.string(), password: z.string(), confirm: z.string(), n: z.number() });
  const refuse = vi.fn(async (input: unknown): Promise<ActionResult<{ id: number }>> => {
    void input;
    return { ok: false, code: "invalid", formError: "Проверьте выделенные поля." };
  });
  const accept = vi.fn(async (): Promise<ActionResult<{ id: number }>> => ({ ok: true, data: { id: 42 } }));

  it("runs the same path with the object a form sends with JavaScript", async () => {
    const action = acceptFormData(schema, refuse);
    expect(await action({ email: "a@b.ru" })).toEqual({
      ok: false,
      code: "invalid",
      formError: "Проверьте выделенные поля.",
    });
    expect(refuse).toHaveBeenLastCalledWith({ email: "a@b.ru" });
  });

  it("after a posted form, a refusal carries back what was typed, never a password", async () => {
    const action = acceptFormData(schema, refuse);
    const result = await action(
      null,
      form([
        ["email", "a@b.ru"],
        ["password", "секрет"],
        ["confirm", "секрет"],
        ["n", "3"],
      ]),
    );
    expect(refuse).toHaveBeenLastCalledWith({ email: "a@b.ru", password: "секрет", confirm: "секрет", n: 3 });
    expect(result).toMatchObject({ ok: false, values: { email: "a@b.ru", n: 3 } });
    expect(JSON.stringify(result)).not.toContain("секрет");
  });

  it("after a posted form, a success goes to the page the form named (303), or stays when it named none", async () => {
    const action = acceptFormData(schema, accept);
    expect(await redirectOf(() => action(null, form([[NEXT_FIELD, "/things/{id}?org=5"]])))).toBe(
      "/things/42?org=5",
    );
    expect(await action(null, form([[NEXT_FIELD, "//evil.example/"]]))).toEqual({
      ok: true,
      data: { id: 42 },
    });
    expect(await action(null, form([]))).toEqual({ ok: true, data: { id: 42 } });
  });
});

describe("server actions as form actions", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("formdata");
  });

  const minor = (consent: string): [string, string][] => [
    ["organisationId", String(t.orgId)],
    ["surname", "Безскриптова"],
    ["name", "Ника"],
    ["patronymic", ""],
    ["birthYear", String(year - 11)],
    ["category", "pupil"],
    ["grade", "5А"],
    ["isMentee", "on"],
    ["mentee.request", ""],
    ["mentee.needCategory", ""],
    ["mentee.consentDate", consent],
    ["mentor.consentDate", ""],
    ["mentor.publishName", "false"],
    [NEXT_FIELD, `/registry/persons/{id}?org=${"x"}`],
  ];

  it("adds a person from a form posted without JavaScript, then goes to the new entry's page", async () => {
    signInAs(t.users.curator);
    const refused = await createPersonAction(null, form(minor("")));
    expect(refused).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { "mentee.consentDate": [expect.stringMatching(/законного представителя/)] },
      values: { surname: "Безскриптова", birthYear: String(year - 11), isMentee: true, isMentor: false },
    });

    const to = await redirectOf(() => createPersonAction(null, form(minor(`${year}-01-10`))));
    const id = Number(/^\/registry\/persons\/(\d+)\?org=x$/.exec(to ?? "")?.[1]);
    expect(id).toBeGreaterThan(0);
    const db = await getDb();
    const [person] = await db.select().from(persons).where(eq(persons.id, id));
    expect(person).toMatchObject({ organisationId: t.orgId, surname: "Безскриптова", birthYear: year - 11 });
    const [profile] = await db.select().from(menteeProfiles).where(eq(menteeProfiles.personId, id));
    expect(profile.consentDate).toBe(`${year}-01-10`);
  });

  it("refuses a curator of another organisation the same way as with JavaScript", async () => {
    signInAs(t.users.siblingCurator);
    const result = await createPersonAction(null, form(minor(`${year}-01-10`)));
    expect(result).toMatchObject({ ok: false, code: "not_found" });
  });

  it("signs in: a bad form comes back with its messages and the e-mail, never the password", async () => {
    const { signInAction } = await import("@/lib/auth/actions");
    const result = await signInAction(
      null,
      form([
        ["email", "не почта"],
        ["password", "секрет-123"],
        ["callbackUrl", "/registry/persons"],
      ]),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringMatching(/полностью/)] },
      values: { email: "не почта", callbackUrl: "/registry/persons" },
    });
    expect(JSON.stringify(result)).not.toContain("секрет");
  });
});
