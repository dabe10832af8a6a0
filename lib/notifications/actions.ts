"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { ROLES } from "@/lib/auth/roles";
import { markAllRead, markRead, saveNotificationSettings } from "./mutations";
import { markAllReadSchema, markReadSchema, notificationSettingsSchema } from "./schemas";

/** Every signed-in user reads their own notifications: the scope is the user (mutations.ts checks ownership). */
export const markNotificationReadAction = authorizedAction(
  { name: "markNotificationRead", roles: ROLES, schema: markReadSchema },
  async (input, user) => {
    const result = await markRead(user, input);
    revalidatePath("/", "layout");
    return result;
  },
);

export const markAllNotificationsReadAction = authorizedAction(
  { name: "markAllNotificationsRead", roles: ROLES, schema: markAllReadSchema },
  async (input, user) => {
    const result = await markAllRead(user, input);
    revalidatePath("/", "layout");
    return result;
  },
);

/** Curators and coordinators receive notifications; each chooses their own e-mails. */
export const saveNotificationSettingsAction = authorizedAction(
  {
    name: "saveNotificationSettings",
    roles: ["curator", "coordinator"],
    schema: notificationSettingsSchema,
  },
  async (input, user) => {
    const result = await saveNotificationSettings(user, input);
    revalidatePath("/profile");
    return result;
  },
);
