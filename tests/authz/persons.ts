import { getDb } from "@/db";
import { persons } from "@/db/schema";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

/** A fresh person of the organisation, in no pair, so that the attempt tests only the authorisation. */
async function anyPerson(organisationId: number) {
  const db = await getDb();
  const [p] = await db
    .insert(persons)
    .values({ organisationId, surname: "Матрицын", name: "Пётр", category: "teacher", birthYear: 1980 })
    .returning();
  return p;
}

const valid = (organisationId: number) => ({
  organisationId,
  surname: "Новиков",
  name: "Олег",
  category: "teacher",
  birthYear: "1985",
});

export const rows: Record<string, MatrixRow> = {
  createPersonAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { createPersonAction } = await import("@/lib/registry/persons/actions");
      return ctx.act(() => createPersonAction(valid(targetOrg(ctx))));
    },
  },
  updatePersonAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { updatePersonAction } = await import("@/lib/registry/persons/actions");
      const p = await anyPerson(targetOrg(ctx));
      return ctx.act(() =>
        updatePersonAction({
          ...valid(p.organisationId),
          id: p.id,
          updatedAt: p.updatedAt.toISOString(),
          surname: "Матрицын",
        }),
      );
    },
  },
  archivePersonAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { archivePersonAction } = await import("@/lib/registry/persons/actions");
      const p = await anyPerson(targetOrg(ctx));
      return ctx.act(() => archivePersonAction({ id: p.id, archived: !p.archived }));
    },
  },
};
