"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { scopeOrg } from "@/lib/auth/scoped";
import { updateOrganisationCard } from "./mutations";
import { organisationCardSchema } from "./schemas";

export const updateOrganisationCardAction = authorizedAction(
  {
    name: "updateOrganisationCard",
    roles: rolesWith("editOrganisation"),
    schema: organisationCardSchema,
    scope: (input, user) => scopeOrg(user, input.id, "edit"),
  },
  async (input, user, org) => {
    const result = await updateOrganisationCard(user, org, input);
    revalidatePath(`/orgs/${org.id}`);
    return result;
  },
);
