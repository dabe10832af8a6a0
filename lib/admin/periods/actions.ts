"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { openPeriod, updatePeriod } from "./mutations";
import { openPeriodSchema, updatePeriodSchema } from "./schemas";

export const openPeriodAction = authorizedAction(
  { name: "openPeriod", roles: ["admin"], schema: openPeriodSchema },
  async (input, user) => {
    const period = await openPeriod(user, input);
    revalidatePath("/admin/periods");
    return { year: period.year, quarter: period.quarter, deadline: period.deadline };
  },
);

export const updatePeriodAction = authorizedAction(
  { name: "updatePeriod", roles: ["admin"], schema: updatePeriodSchema },
  async (input, user) => {
    const period = await updatePeriod(user, input);
    revalidatePath("/admin/periods");
    return { deadline: period.deadline, open: period.open };
  },
);
