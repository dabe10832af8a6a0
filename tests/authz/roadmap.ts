/** Roadmaps: each role edits its own level's (curator — organisation, coordinator — municipality, admin — region). */
import ExcelJS from "exceljs";
import { getDb } from "@/db";
import { roadmapItems } from "@/db/schema";
import type { RoadmapLevel } from "@/lib/roadmap/domain";
import type { Tenant } from "../support/factories";
import type { Actor, AttemptContext, MatrixRow, Target } from "./types";

/** The roadmap an actor works on, at the target: its own level's, a sibling's, another region's. */
export function targetRoadmap(ctx: { t: Tenant; other: Tenant; actor: Actor; target: Target }): {
  level: RoadmapLevel;
  ownerId: number;
} {
  const { t, other, actor, target } = ctx;
  if (actor === "curator")
    return {
      level: "organisation",
      ownerId: target === "own" ? t.orgId : target === "sibling" ? t.siblingOrgId : other.orgId,
    };
  if (actor === "coordinator")
    return {
      level: "municipality",
      ownerId:
        target === "own"
          ? t.municipalityId
          : target === "sibling"
            ? t.siblingMunicipalityId
            : other.municipalityId,
    };
  return { level: "region", ownerId: target === "own" ? t.regionId : other.regionId };
}

/** A row written straight to the database. */
export async function seedRoadmapItem(
  owner: { level: RoadmapLevel; ownerId: number },
  regionId: number,
  patch: Partial<typeof roadmapItems.$inferInsert> = {},
) {
  const db = await getDb();
  const [row] = await db
    .insert(roadmapItems)
    .values({
      regionId,
      organisationId: owner.level === "organisation" ? owner.ownerId : null,
      municipalityId: owner.level === "municipality" ? owner.ownerId : null,
      position: 1000 + Math.floor(Math.random() * 1000),
      title: "Формирование базы наставников",
      dueDate: "2024-10-01",
      duePrecision: "month",
      ...patch,
    })
    .returning();
  return row;
}

/** The region of the roadmap targetRoadmap names (an admin's or the ministry's sibling is another region). */
const regionOf = (ctx: Pick<AttemptContext, "t" | "other" | "target" | "actor">) =>
  ctx.target === "otherRegion" ||
  (ctx.target === "sibling" && (ctx.actor === "admin" || ctx.actor === "ministry"))
    ? ctx.other.regionId
    : ctx.t.regionId;

export const itemFields = (patch: Record<string, unknown> = {}) => ({
  title: "Формирование наставнических пар",
  due: "сентябрь 2026",
  responsible: "Куратор",
  result: "Приказ о закреплении пар",
  status: "planned",
  ...patch,
});

/** An XLSX in seed 001's layout. */
export async function roadmapXlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  ws.addRow(["План мероприятий (дорожная карта)"]);
  ws.addRow([
    "№ п/п",
    "Наименование мероприятий",
    "Срок реализации",
    "Ответственный исполнитель",
    "Результат, вид документа",
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function importForm(owner: { level: RoadmapLevel; ownerId: number }, bytes: Buffer, mode = "append") {
  const data = new FormData();
  data.set("level", owner.level);
  data.set("ownerId", String(owner.ownerId));
  data.set("mode", mode);
  data.set("file", new File([new Uint8Array(bytes)], "дорожная карта.xlsx"));
  return data;
}

const EDITORS = {
  allowed: ["curator", "coordinator", "admin"] as Actor[],
  reasons: { "admin:sibling": "not_found" as const },
};

export const rows: Record<string, MatrixRow> = {
  createRoadmapItemAction: {
    ...EDITORS,
    attempt: async (ctx) => {
      const { createRoadmapItemAction } = await import("@/lib/roadmap/actions");
      return ctx.act(() => createRoadmapItemAction({ ...targetRoadmap(ctx), ...itemFields() }));
    },
  },
  updateRoadmapItemAction: {
    ...EDITORS,
    attempt: async (ctx) => {
      const { updateRoadmapItemAction } = await import("@/lib/roadmap/actions");
      const row = await seedRoadmapItem(targetRoadmap(ctx), regionOf(ctx));
      return ctx.act(() =>
        updateRoadmapItemAction({
          id: row.id,
          updatedAt: row.updatedAt.toISOString(),
          ...itemFields({ status: "in_progress" }),
        }),
      );
    },
  },
  moveRoadmapItemAction: {
    ...EDITORS,
    attempt: async (ctx) => {
      const { moveRoadmapItemAction } = await import("@/lib/roadmap/actions");
      const owner = targetRoadmap(ctx);
      await seedRoadmapItem(owner, regionOf(ctx), { position: 1 });
      const row = await seedRoadmapItem(owner, regionOf(ctx), { position: 5000 });
      return ctx.act(() => moveRoadmapItemAction({ id: row.id, direction: "up" }));
    },
  },
  deleteRoadmapItemAction: {
    ...EDITORS,
    attempt: async (ctx) => {
      const { deleteRoadmapItemAction } = await import("@/lib/roadmap/actions");
      const row = await seedRoadmapItem(targetRoadmap(ctx), regionOf(ctx));
      return ctx.act(() => deleteRoadmapItemAction({ id: row.id, updatedAt: row.updatedAt.toISOString() }));
    },
  },
  importRoadmapAction: {
    ...EDITORS,
    attempt: async (ctx) => {
      const { importRoadmapAction } = await import("@/lib/roadmap/actions");
      const bytes = await roadmapXlsx([
        [1, "Нормативно-правовое обеспечение", null, null, null],
        ["1.1", "Издание приказа о внедрении", "сентябрь 2026 г.", "Директор", "Приказ"],
      ]);
      const data = importForm(targetRoadmap(ctx), bytes);
      return ctx.act(() => importRoadmapAction(data));
    },
  },
};
