import { getDb } from "@/db";
import { events } from "@/db/schema";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

export function eventFields(organisationId: number, patch: Record<string, unknown> = {}) {
  return {
    organisationId,
    date: "2024-10-05",
    title: "Педагогическая мастерская молодых специалистов",
    text: "Опытные учителя провели открытые уроки для молодых коллег.",
    public: true,
    ...patch,
  };
}

/** An event written straight to the database, for attempts on an existing record. */
export async function seedEvent(organisationId: number, patch: Partial<typeof events.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(events)
    .values({ organisationId, date: "2024-03-01", title: "Встреча наставников", ...patch })
    .returning();
  return row;
}

export const rows: Record<string, MatrixRow> = {
  createEventAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { createEventAction } = await import("@/lib/registry/events/actions");
      return ctx.act(() => createEventAction(eventFields(targetOrg(ctx))));
    },
  },
  updateEventAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { updateEventAction } = await import("@/lib/registry/events/actions");
      const orgId = targetOrg(ctx);
      const ev = await seedEvent(orgId);
      return ctx.act(() =>
        updateEventAction(
          eventFields(orgId, { id: ev.id, updatedAt: ev.updatedAt.toISOString(), title: "Новое название" }),
        ),
      );
    },
  },
  archiveEventAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { archiveEventAction } = await import("@/lib/registry/events/actions");
      const orgId = targetOrg(ctx);
      const ev = await seedEvent(orgId);
      return ctx.act(() =>
        archiveEventAction({ id: ev.id, organisationId: orgId, updatedAt: ev.updatedAt.toISOString() }),
      );
    },
  },
  restoreEventAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { restoreEventAction } = await import("@/lib/registry/events/actions");
      const orgId = targetOrg(ctx);
      const ev = await seedEvent(orgId, { archived: true });
      return ctx.act(() => restoreEventAction({ id: ev.id, organisationId: orgId }));
    },
  },
};
