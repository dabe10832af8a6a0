"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { saveTargets } from "./target-mutations";
import { saveTargetsSchema } from "./target-schemas";

/** The admin's plan values of the indicators: a grid indicators × years for the region or a municipality. */
export const saveTargetsAction = authorizedAction(
  { name: "saveTargets", roles: ["admin"], schema: saveTargetsSchema },
  async (input, user) => {
    const result = await saveTargets(user, input);
    revalidatePath("/indicators", "layout");
    return result;
  },
);
