"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { revalidatePublic } from "@/lib/public/cache";
import { updateOrganisationCard } from "./mutations";
import { organisationCardSchema } from "./schemas";

export const updateOrganisationCardAction = authorizedAction(
  { name: "updateOrganisationCard", roles: ["curator", "admin"], schema: organisationCardSchema },
  async (input, user) => {
    const result = await updateOrganisationCard(user, input);
    revalidatePath(`/orgs/${input.id}`);
    await revalidatePublic(input.id);
    return result;
  },
);
