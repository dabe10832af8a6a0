"use server";
import { DomainError } from "@/lib/errors";
import { registerAction } from "@/lib/registry/action";
import { createPerson, setPersonArchived, updatePerson } from "./mutations";
import { archivePersonSchema, personSchema } from "./schemas";

/** The register and, for a known person, the person's page. */
const pages = ({ input }: { input: { id?: number } }) => [
  "/registry/persons",
  ...(input.id ? [`/registry/persons/${input.id}`] : []),
];

export const createPersonAction = registerAction(
  {
    name: "createPerson",
    schema: personSchema,
    scope: "organisation",
    revalidate: () => ["/registry/persons"],
  },
  createPerson,
);

export const updatePersonAction = registerAction(
  { name: "updatePerson", schema: personSchema, scope: "organisation", revalidate: pages },
  async (user, org, input) => {
    if (!input.id) throw new DomainError("Не указано, какую запись сохранить.");
    return updatePerson(user, org, { ...input, id: input.id });
  },
);

export const archivePersonAction = registerAction(
  { name: "archivePerson", schema: archivePersonSchema, scope: "person", revalidate: pages },
  (user, org, input) => setPersonArchived(user, org, input.id, input.archived),
);
