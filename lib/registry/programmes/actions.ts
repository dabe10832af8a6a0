"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { revalidatePublic, revalidatePublicForProgramme } from "@/lib/public/cache";
import { archiveProgramme, createProgramme, restoreProgramme, updateProgramme } from "./mutations";
import {
  archiveProgrammeSchema,
  createProgrammeSchema,
  restoreProgrammeSchema,
  updateProgrammeSchema,
} from "./schemas";

const EDITORS = ["curator", "admin"] as const;

export const createProgrammeAction = authorizedAction(
  { name: "createProgramme", roles: EDITORS, schema: createProgrammeSchema },
  async (input, user) => {
    const result = await createProgramme(user, input);
    revalidatePath("/registry/programmes");
    revalidatePath(`/orgs/${input.organisationId}`);
    await revalidatePublic(input.organisationId);
    return result;
  },
);

export const updateProgrammeAction = authorizedAction(
  { name: "updateProgramme", roles: EDITORS, schema: updateProgrammeSchema },
  async (input, user) => {
    const result = await updateProgramme(user, input);
    revalidatePath("/registry/programmes");
    revalidatePath(`/registry/programmes/${input.id}`);
    await revalidatePublicForProgramme(input.id);
    return result;
  },
);

export const archiveProgrammeAction = authorizedAction(
  { name: "archiveProgramme", roles: EDITORS, schema: archiveProgrammeSchema },
  async (input, user) => {
    const result = await archiveProgramme(user, input);
    revalidatePath("/registry/programmes");
    revalidatePath(`/registry/programmes/${input.id}`);
    revalidatePath(`/orgs/${result.organisationId}`);
    await revalidatePublic(result.organisationId);
    return result;
  },
);

export const restoreProgrammeAction = authorizedAction(
  { name: "restoreProgramme", roles: EDITORS, schema: restoreProgrammeSchema },
  async (input, user) => {
    const result = await restoreProgramme(user, input);
    revalidatePath("/registry/programmes");
    revalidatePath(`/registry/programmes/${input.id}`);
    revalidatePath(`/orgs/${result.organisationId}`);
    await revalidatePublic(result.organisationId);
    return result;
  },
);
