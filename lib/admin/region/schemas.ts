/** The region's settings the admin changes: its time zone. One schema for the browser and the server. Pure. */
import { z } from "zod";
import { TIME_ZONE_IDS } from "@/lib/clock";

export const TIME_ZONE_MESSAGE = "Часовой пояс: выберите один из часовых поясов России из списка.";

export const regionTimeZoneSchema = z.object({
  timeZone: z.enum(TIME_ZONE_IDS, { message: TIME_ZONE_MESSAGE }),
});

export type RegionTimeZoneInput = z.input<typeof regionTimeZoneSchema>;
