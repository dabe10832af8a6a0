import path from "node:path";
import { z } from "zod";
import { dbEnvSchema } from "@/db/env";

const schema = dbEnvSchema.extend({
  AUTH_SECRET: z
    .string()
    .min(16)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DEMO_SEED: z.enum(["auto", "yes", "no"]).default("auto"),
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(8),
});

export type Env = z.infer<typeof schema> & { dataDir: string };

let cached: Env | undefined;

/** The environment, read and validated once. */
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Неверные переменные окружения: ${issues}`);
    }
    cached = { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
  }
  return cached;
}
