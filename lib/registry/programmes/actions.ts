"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { scopeOrg } from "@/lib/auth/scoped";
import { editableOwner } from "@/lib/registry/guard";
import { archiveProgramme, createProgramme, restoreProgramme, updateProgramme } from "./mutations";
import {
  archiveProgrammeSchema,
  createProgrammeSchema,
  restoreProgrammeSchema,
  updateProgrammeSchema,
} from "./schemas";

const EDITORS = rolesWith("editOrganisation");

/** The signed-in pages that show programmes and the organisation's counts. */
function revalidateProgramme(id: number, organisationId: number) {
  revalidatePath("/registry/programmes");
  revalidatePath(`/registry/programmes/${id}`);
  revalidatePath(`/orgs/${organisationId}`);
}

export const createProgrammeAction = authorizedAction(
  {
    name: "createProgramme",
    roles: EDITORS,
    schema: createProgrammeSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await createProgramme(user, org, input);
    revalidateProgramme(result.id, org.id);
    return result;
  },
);

export const updateProgrammeAction = authorizedAction(
  {
    name: "updateProgramme",
    roles: EDITORS,
    schema: updateProgrammeSchema,
    scope: (input, user) => editableOwner(user, "programme", input.id),
  },
  async (input, user, org) => {
    const result = await updateProgramme(user, org, input);
    revalidateProgramme(input.id, org.id);
    return result;
  },
);

export const archiveProgrammeAction = authorizedAction(
  {
    name: "archiveProgramme",
    roles: EDITORS,
    schema: archiveProgrammeSchema,
    scope: (input, user) => editableOwner(user, "programme", input.id),
  },
  async (input, user, org) => {
    const result = await archiveProgramme(user, org, input);
    revalidateProgramme(input.id, org.id);
    return result;
  },
);

export const restoreProgrammeAction = authorizedAction(
  {
    name: "restoreProgramme",
    roles: EDITORS,
    schema: restoreProgrammeSchema,
    scope: (input, user) => editableOwner(user, "programme", input.id),
  },
  async (input, user, org) => {
    const result = await restoreProgramme(user, org, input);
    revalidateProgramme(input.id, org.id);
    return result;
  },
);
