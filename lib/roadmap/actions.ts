"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { ROLES } from "@/lib/auth/roles";
import { rolesWith } from "@/lib/auth/rules";
import { DomainError } from "@/lib/errors";
import { readRoadmapFile } from "./file";
import {
  createRoadmapItem,
  deleteRoadmapItem,
  importRoadmapRows,
  moveRoadmapItem,
  updateRoadmapItem,
} from "./mutations";
import {
  roadmapCreateSchema,
  roadmapDeleteSchema,
  roadmapImportSchema,
  roadmapMoveSchema,
  roadmapUpdateSchema,
} from "./schemas";
import { editableRoadmapOfItem, scopeRoadmap } from "./scope";

/** Whoever edits a roadmap of some level: curators (their organisation's), coordinators, admins. */
const EDITORS = ROLES.filter((role) =>
  (["editOrganisation", "editMunicipalityRoadmap", "editRegionRoadmap"] as const).some((p) =>
    rolesWith(p).includes(role),
  ),
);

const refresh = () => revalidatePath("/roadmap", "layout");

export const createRoadmapItemAction = authorizedAction(
  {
    name: "createRoadmapItem",
    roles: EDITORS,
    schema: roadmapCreateSchema,
    scope: (input, user) => scopeRoadmap(user, input.level, input.ownerId, "edit"),
  },
  async (input, user, owner) => {
    const saved = await createRoadmapItem(user, owner, input);
    refresh();
    return saved;
  },
);

export const updateRoadmapItemAction = authorizedAction(
  {
    name: "updateRoadmapItem",
    roles: EDITORS,
    schema: roadmapUpdateSchema,
    scope: (input, user) => editableRoadmapOfItem(user, input.id),
  },
  async (input, user, owner) => {
    const saved = await updateRoadmapItem(user, owner, input);
    refresh();
    return saved;
  },
);

export const moveRoadmapItemAction = authorizedAction(
  {
    name: "moveRoadmapItem",
    roles: EDITORS,
    schema: roadmapMoveSchema,
    scope: (input, user) => editableRoadmapOfItem(user, input.id),
  },
  async (input, user, owner) => {
    const moved = await moveRoadmapItem(user, owner, input);
    refresh();
    return moved;
  },
);

export const deleteRoadmapItemAction = authorizedAction(
  {
    name: "deleteRoadmapItem",
    roles: EDITORS,
    schema: roadmapDeleteSchema,
    scope: (input, user) => editableRoadmapOfItem(user, input.id),
  },
  async (input, user, owner) => {
    const deleted = await deleteRoadmapItem(user, owner, input);
    refresh();
    return deleted;
  },
);

export const importRoadmapAction = authorizedAction(
  {
    name: "importRoadmap",
    roles: EDITORS,
    schema: roadmapImportSchema,
    scope: (input, user) => scopeRoadmap(user, input.level, input.ownerId, "edit"),
  },
  async (input, user, owner) => {
    const { rows, errors } = await readRoadmapFile(new Uint8Array(await input.file.arrayBuffer()));
    if (errors.length)
      throw new DomainError(
        "Файл не загружен, дорожная карта не изменилась: исправьте ошибки и загрузите его снова.",
        {
          file: errors.slice(0, 50),
        },
      );
    const done = await importRoadmapRows(user, owner, {
      mode: input.mode,
      fileName: input.file.name.slice(0, 200),
      rows,
    });
    refresh();
    return done;
  },
);
