import { z } from "zod";
import { zId } from "@/lib/validation";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

const NOT_FOUND = "Уведомление не найдено или недоступно.";

export const markReadSchema = z.object({ id: zId(NOT_FOUND) });

/** «Отметить все прочитанными» marks those the page showed: up to the newest id it listed, not later arrivals. */
export const markAllReadSchema = z.object({ lastId: zId(NOT_FOUND) });

/** A check box as a form sends it (ticked: "on"; the form walker sends false when not), or a JSON boolean. */
const choice = z
  .union([z.boolean(), z.enum(["true", "false", "on", "off"])], {
    message: "Отметьте, присылать ли письма.",
  })
  .transform((v) => v === true || v === "true" || v === "on");

/** Every kind is named: a post that lacks one is refused rather than read as «off». */
export const notificationSettingsSchema = z.object({
  email: z.object(
    Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, choice])) as Record<NotificationKind, typeof choice>,
    { message: "Отметьте, какие письма присылать." },
  ),
});
