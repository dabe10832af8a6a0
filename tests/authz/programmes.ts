import { createProgramme } from "../support/registry-factories";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

/** A valid programme of the target organisation, as the edit form would send it. */
async function programmeInput(organisationId: number) {
  const p = await createProgramme(organisationId);
  return {
    id: p.id,
    updatedAt: p.updatedAt.toISOString(),
    title: p.title,
    format: p.format,
    roleModel: p.roleModel,
    modes: ["традиционное"],
    goal: "",
    expectedResults: "",
    achievedResults: "",
    startDate: p.startDate,
    endDate: "",
    stage: p.stage,
    bestPractice: false,
  };
}

export const rows: Record<string, MatrixRow> = {
  createProgrammeAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { createProgrammeAction } = await import("@/lib/registry/programmes/actions");
      const { id: _id, updatedAt: _v, ...fields } = await programmeInput(targetOrg(ctx));
      return ctx.act(() => createProgrammeAction({ ...fields, organisationId: targetOrg(ctx) }));
    },
  },
  updateProgrammeAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { updateProgrammeAction } = await import("@/lib/registry/programmes/actions");
      const input = { ...(await programmeInput(targetOrg(ctx))), goal: "Новая цель" };
      return ctx.act(() => updateProgrammeAction(input));
    },
  },
  archiveProgrammeAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { archiveProgrammeAction } = await import("@/lib/registry/programmes/actions");
      const { id, updatedAt } = await programmeInput(targetOrg(ctx));
      return ctx.act(() => archiveProgrammeAction({ id, updatedAt }));
    },
  },
  restoreProgrammeAction: {
    allowed: ["curator", "admin"],
    attempt: async (ctx) => {
      const { restoreProgrammeAction } = await import("@/lib/registry/programmes/actions");
      const p = await createProgramme(targetOrg(ctx), { archived: true });
      return ctx.act(() => restoreProgrammeAction({ id: p.id }));
    },
  },
};
