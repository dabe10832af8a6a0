"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion } from "@/lib/auth/scoped";
import { openPeriod, updatePeriod } from "./mutations";
import { openPeriodSchema, updatePeriodSchema } from "./schemas";

const ADMINS = rolesWith("administerRegion");

export const openPeriodAction = authorizedAction(
  {
    name: "openPeriod",
    roles: ADMINS,
    schema: openPeriodSchema,
    scope: (_, user) => scopeAdminRegion(user),
  },
  async (input, user, region) => {
    const period = await openPeriod(user, region, input);
    revalidatePath("/admin/periods");
    return { year: period.year, quarter: period.quarter, deadline: period.deadline };
  },
);

export const updatePeriodAction = authorizedAction(
  {
    name: "updatePeriod",
    roles: ADMINS,
    schema: updatePeriodSchema,
    scope: (_, user) => scopeAdminRegion(user),
  },
  async (input, user, region) => {
    const period = await updatePeriod(user, region, input);
    revalidatePath("/admin/periods");
    return { deadline: period.deadline, open: period.open, updatedAt: period.updatedAt.toISOString() };
  },
);
