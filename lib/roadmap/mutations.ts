import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { documents, municipalities, organisations, regions, roadmapItems } from "@/db/schema";
import { audit, diff } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { writeTransaction } from "@/lib/derived";
import { DomainError, NotFoundError } from "@/lib/errors";
import { assertFresh } from "@/lib/registry/version";
import { MAX_ROADMAP_ROWS } from "./domain";
import type { ImportedRow } from "./file";
import { ownerWhere } from "./queries";
import type {
  roadmapCreateSchema,
  roadmapDeleteSchema,
  roadmapMoveSchema,
  roadmapUpdateSchema,
} from "./schemas";
import { ITEM_NOT_FOUND, type EditableRoadmap } from "./scope";

type Item = typeof roadmapItems.$inferSelect;
const TOO_MANY = `В дорожной карте не может быть больше ${MAX_ROADMAP_ROWS} строк.`;

/** A write to one roadmap: the owner's row is locked, so that positions are handed out one writer at a time. */
function roadmapWrite<R>(owner: EditableRoadmap, write: (tx: Tx) => Promise<R>) {
  return writeTransaction(async (tx) => {
    if (owner.level === "organisation")
      await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, owner.id))
        .for("no key update");
    else if (owner.level === "municipality")
      await tx
        .select({ id: municipalities.id })
        .from(municipalities)
        .where(eq(municipalities.id, owner.id))
        .for("no key update");
    else
      await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, owner.id)).for("no key update");
    return write(tx);
  });
}

function auditRoadmap(
  tx: Tx,
  user: SessionUser,
  owner: EditableRoadmap,
  entry: { action: string; entity?: string; entityId: number | string; changes: Record<string, unknown> },
) {
  return audit(tx, {
    userId: user.id,
    action: entry.action,
    entity: entry.entity ?? "roadmap_item",
    entityId: entry.entityId,
    organisationId: owner.organisationId,
    municipalityId: owner.municipalityId,
    changes: entry.changes,
  });
}

async function ownerRows(tx: Tx, owner: EditableRoadmap): Promise<Item[]> {
  return tx
    .select()
    .from(roadmapItems)
    .where(ownerWhere(owner))
    .orderBy(roadmapItems.position, roadmapItems.id)
    .for("update");
}

type Fields = Omit<z.output<typeof roadmapUpdateSchema>, "id" | "updatedAt">;

/** The stored columns of the form's fields; a document must be a live one of the organisation itself. */
async function columnsOf(tx: Tx, owner: EditableRoadmap, f: Fields) {
  let documentId: number | null = null;
  if (owner.level === "organisation" && f.documentId != null) {
    const [doc] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(
        and(
          eq(documents.id, f.documentId),
          eq(documents.organisationId, owner.id),
          eq(documents.archived, false),
        ),
      );
    if (!doc)
      throw new DomainError("Проверьте выделенные поля.", {
        documentId: ["Документ не найден в реестре документов организации: выберите другой."],
      });
    documentId = doc.id;
  }
  return {
    isSection: f.isSection,
    title: f.title,
    dueDate: f.due.date,
    duePrecision: f.due.precision,
    dueNote: f.due.note,
    responsible: f.responsible,
    result: f.result,
    status: f.status,
    doneDate: f.doneDate,
    documentId,
    resultUrl: owner.level === "organisation" || !f.resultUrl ? null : f.resultUrl,
  };
}

/** What the journal keeps of a row: its fields, the due as typed. */
function recorded(c: Awaited<ReturnType<typeof columnsOf>>) {
  const { dueDate, duePrecision, dueNote, ...rest } = c;
  void duePrecision;
  return { ...rest, due: dueNote || dueDate || "" };
}

/** Adds a row: at the end, or at the end of the section named. */
export async function createRoadmapItem(
  user: SessionUser,
  owner: EditableRoadmap,
  input: z.output<typeof roadmapCreateSchema>,
) {
  return roadmapWrite(owner, async (tx) => {
    const rows = await ownerRows(tx, owner);
    if (rows.length >= MAX_ROADMAP_ROWS) throw new DomainError(TOO_MANY);
    let position = (rows.at(-1)?.position ?? 0) + 1;
    if (input.sectionId != null && !input.isSection) {
      const at = rows.findIndex((r) => r.id === input.sectionId && r.isSection);
      if (at < 0) throw new NotFoundError("Раздел не найден: возможно, его удалили. Обновите страницу.");
      let end = at;
      while (end + 1 < rows.length && !rows[end + 1].isSection) end++;
      position = rows[end].position + 1;
      await tx
        .update(roadmapItems)
        .set({ position: sql`${roadmapItems.position} + 1` })
        .where(and(ownerWhere(owner), gte(roadmapItems.position, position)));
    }
    const columns = await columnsOf(tx, owner, input);
    const [row] = await tx
      .insert(roadmapItems)
      .values({
        ...columns,
        regionId: owner.regionId,
        organisationId: owner.level === "organisation" ? owner.id : null,
        municipalityId: owner.level === "municipality" ? owner.id : null,
        position,
      })
      .returning({ id: roadmapItems.id, updatedAt: roadmapItems.updatedAt });
    await auditRoadmap(tx, user, owner, { action: "create", entityId: row.id, changes: recorded(columns) });
    return { id: row.id, updatedAt: row.updatedAt.toISOString() };
  });
}

async function lockItem(tx: Tx, owner: EditableRoadmap, id: number): Promise<Item> {
  const [row] = await tx
    .select()
    .from(roadmapItems)
    .where(and(eq(roadmapItems.id, id), ownerWhere(owner)))
    .for("update");
  if (!row) throw new NotFoundError(ITEM_NOT_FOUND);
  return row;
}

const fresh = (tx: Tx, row: Item, updatedAt: string) =>
  assertFresh(tx, { entity: "roadmap_item", id: row.id, updatedAt: row.updatedAt }, updatedAt, "Мероприятие");

/** Saves a row's fields over the version the form was opened on. */
export async function updateRoadmapItem(
  user: SessionUser,
  owner: EditableRoadmap,
  input: z.output<typeof roadmapUpdateSchema>,
) {
  return roadmapWrite(owner, async (tx) => {
    const row = await lockItem(tx, owner, input.id);
    await fresh(tx, row, input.updatedAt);
    const columns = await columnsOf(tx, owner, input);
    const [saved] = await tx
      .update(roadmapItems)
      .set({ ...columns, updatedAt: new Date() })
      .where(eq(roadmapItems.id, row.id))
      .returning({ updatedAt: roadmapItems.updatedAt });
    const before = recorded({ ...row, resultUrl: row.resultUrl });
    await auditRoadmap(tx, user, owner, {
      action: "update",
      entityId: row.id,
      changes: { title: row.title, ...diff(before as Record<string, unknown>, recorded(columns)) },
    });
    return { id: row.id, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** The rows as blocks: a section with its items, or a lone item before the first section. */
function blocks(rows: Item[]): Item[][] {
  const out: Item[][] = [];
  for (const row of rows) {
    if (row.isSection || out.length === 0) out.push([row]);
    else out[out.length - 1].push(row);
  }
  return out;
}

/**
 * Moves a row one place up or down: an item past its neighbour (into the section above or below at its edge), a
 * section with all its items past the neighbouring section. Positions are renumbered 1…n.
 */
export async function moveRoadmapItem(
  user: SessionUser,
  owner: EditableRoadmap,
  input: z.output<typeof roadmapMoveSchema>,
) {
  return roadmapWrite(owner, async (tx) => {
    const rows = await ownerRows(tx, owner);
    const at = rows.findIndex((r) => r.id === input.id);
    if (at < 0) throw new NotFoundError(ITEM_NOT_FOUND);
    const up = input.direction === "up";
    let order: Item[];
    if (rows[at].isSection) {
      const bs = blocks(rows);
      const b = bs.findIndex((block) => block[0].id === input.id);
      const other = up ? b - 1 : b + 1;
      if (other < 0 || other >= bs.length || (up && !bs[other][0].isSection))
        throw new DomainError(up ? "Раздел уже первый." : "Раздел уже последний.");
      [bs[b], bs[other]] = [bs[other], bs[b]];
      order = bs.flat();
    } else {
      const other = up ? at - 1 : at + 1;
      if (other < 0 || other >= rows.length)
        throw new DomainError(up ? "Строка уже первая." : "Строка уже последняя.");
      order = [...rows];
      [order[at], order[other]] = [order[other], order[at]];
    }
    for (const [i, row] of order.entries())
      if (row.position !== i + 1)
        await tx
          .update(roadmapItems)
          .set({ position: i + 1 })
          .where(eq(roadmapItems.id, row.id));
    await auditRoadmap(tx, user, owner, {
      action: "move",
      entityId: input.id,
      changes: { title: rows[at].title, direction: input.direction },
    });
    return { id: input.id };
  });
}

/** Deletes a row; a section goes with the items under it. */
export async function deleteRoadmapItem(
  user: SessionUser,
  owner: EditableRoadmap,
  input: z.output<typeof roadmapDeleteSchema>,
) {
  return roadmapWrite(owner, async (tx) => {
    const row = await lockItem(tx, owner, input.id);
    await fresh(tx, row, input.updatedAt);
    const rows = await ownerRows(tx, owner);
    const ids = [row.id];
    if (row.isSection) {
      const at = rows.findIndex((r) => r.id === row.id);
      for (let i = at + 1; i < rows.length && !rows[i].isSection; i++) ids.push(rows[i].id);
    }
    for (const id of ids) await tx.delete(roadmapItems).where(eq(roadmapItems.id, id));
    await auditRoadmap(tx, user, owner, {
      action: "delete",
      entityId: row.id,
      changes: { title: row.title, isSection: row.isSection, ...(ids.length > 1 && { rows: ids.length }) },
    });
    return { id: row.id, deleted: ids.length };
  });
}

/** Writes the rows of an imported file: after the existing ones, or instead of them. */
export async function importRoadmapRows(
  user: SessionUser,
  owner: EditableRoadmap,
  input: { mode: "append" | "replace"; fileName: string; rows: ImportedRow[] },
) {
  return roadmapWrite(owner, async (tx) => {
    const existing = await ownerRows(tx, owner);
    const keep = input.mode === "append" ? existing : [];
    if (keep.length + input.rows.length > MAX_ROADMAP_ROWS)
      throw new DomainError(
        `${TOO_MANY} Сейчас в ней ${existing.length}, в файле ${input.rows.length}: выберите «Заменить» или сократите файл.`,
      );
    if (input.mode === "replace") await tx.delete(roadmapItems).where(ownerWhere(owner));
    const start = (keep.at(-1)?.position ?? 0) + 1;
    if (input.rows.length)
      await tx.insert(roadmapItems).values(
        input.rows.map((r, i) => ({
          regionId: owner.regionId,
          organisationId: owner.level === "organisation" ? owner.id : null,
          municipalityId: owner.level === "municipality" ? owner.id : null,
          position: start + i,
          isSection: r.isSection,
          title: r.title,
          dueDate: r.due.date,
          duePrecision: r.due.precision,
          dueNote: r.due.note,
          responsible: r.responsible,
          result: r.result,
          status: r.status,
          doneDate: r.doneDate,
          resultUrl: owner.level === "organisation" || !r.resultUrl ? null : r.resultUrl,
        })),
      );
    await auditRoadmap(tx, user, owner, {
      action: "import",
      entity: "roadmap",
      entityId: `${owner.level}:${owner.id}`,
      changes: {
        fileName: input.fileName,
        importedRows: input.rows.length,
        replaced: input.mode === "replace",
        ...(input.mode === "replace" && { deletedRows: existing.length }),
      },
    });
    return { rows: input.rows.length, replaced: input.mode === "replace" ? existing.length : 0 };
  });
}
