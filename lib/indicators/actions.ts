"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { saveTargets, targetScope } from "./target-mutations";
import { saveTargetsSchema } from "./target-schemas";

/** The admin's plan values of the indicators: a grid indicators × years for the region or a municipality. */
export const saveTargetsAction = authorizedAction(
  {
    name: "saveTargets",
    roles: rolesWith("administerRegion"),
    schema: saveTargetsSchema,
    scope: (input, user) => targetScope(user, input.territory),
  },
  async (input, user, scope) => {
    const result = await saveTargets(user, scope, input);
    revalidatePath("/indicators", "layout");
    return result;
  },
);
