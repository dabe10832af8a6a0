"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { scopeOrg } from "@/lib/auth/scoped";
import { DomainError } from "@/lib/errors";
import { editableOwner } from "@/lib/registry/guard";
import { createPerson, setPersonArchived, updatePerson } from "./mutations";
import { archivePersonSchema, personSchema } from "./schemas";

const EDITORS = rolesWith("editOrganisation");

export const createPersonAction = authorizedAction(
  {
    name: "createPerson",
    roles: EDITORS,
    schema: personSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await createPerson(user, org, input);
    revalidatePath("/registry/persons");
    return result;
  },
);

export const updatePersonAction = authorizedAction(
  {
    name: "updatePerson",
    roles: EDITORS,
    schema: personSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    if (!input.id) throw new DomainError("Не указано, какую запись сохранить.");
    const result = await updatePerson(user, org, { ...input, id: input.id });
    revalidatePath("/registry/persons");
    revalidatePath(`/registry/persons/${input.id}`);
    return result;
  },
);

export const archivePersonAction = authorizedAction(
  {
    name: "archivePerson",
    roles: EDITORS,
    schema: archivePersonSchema,
    scope: (input, user) => editableOwner(user, "person", input.id),
  },
  async (input, user, org) => {
    const result = await setPersonArchived(user, org, input.id, input.archived);
    revalidatePath("/registry/persons");
    revalidatePath(`/registry/persons/${input.id}`);
    return result;
  },
);
