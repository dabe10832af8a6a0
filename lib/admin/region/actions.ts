"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion } from "@/lib/auth/scoped";
import { setRegionTimeZone } from "./mutations";
import { regionTimeZoneSchema } from "./schemas";

export const setRegionTimeZoneAction = authorizedAction(
  {
    name: "setRegionTimeZone",
    roles: rolesWith("administerRegion"),
    schema: regionTimeZoneSchema,
    scope: (_input, user) => scopeAdminRegion(user),
  },
  async (input, user, region) => {
    const saved = await setRegionTimeZone(user, region, input.timeZone);
    revalidatePath("/admin/periods");
    return saved;
  },
);
