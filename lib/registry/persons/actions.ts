"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { DomainError } from "@/lib/errors";
import { revalidatePublic } from "@/lib/public/cache";
import { createPerson, setPersonArchived, updatePerson } from "./mutations";
import { archivePersonSchema, personSchema } from "./schemas";

const EDITORS = ["curator", "admin"] as const;

export const createPersonAction = authorizedAction(
  { name: "createPerson", roles: EDITORS, schema: personSchema },
  async (input, user) => {
    const result = await createPerson(user, input);
    revalidatePath("/registry/persons");
    await revalidatePublic(input.organisationId);
    return result;
  },
);

export const updatePersonAction = authorizedAction(
  { name: "updatePerson", roles: EDITORS, schema: personSchema },
  async (input, user) => {
    if (!input.id) throw new DomainError("Не указано, какую запись сохранить.");
    const result = await updatePerson(user, { ...input, id: input.id });
    revalidatePath("/registry/persons");
    revalidatePath(`/registry/persons/${input.id}`);
    // A mentor's consent to publication shows on (or leaves) the public page at once.
    await revalidatePublic(input.organisationId);
    return result;
  },
);

export const archivePersonAction = authorizedAction(
  { name: "archivePerson", roles: EDITORS, schema: archivePersonSchema },
  async (input, user) => {
    const result = await setPersonArchived(user, input.id, input.archived);
    await revalidatePublic(result.organisationId);
    revalidatePath("/registry/persons");
    revalidatePath(`/registry/persons/${input.id}`);
    return result;
  },
);
