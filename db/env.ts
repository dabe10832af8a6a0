import path from "node:path";
import { z } from "zod";

/** The variables that say which database to open; lib/env.ts extends this schema with the app's own. */
export const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().default(".data"),
});

export interface DbTarget {
  /** PostgreSQL when set; otherwise the embedded PGlite in `dataDir`. */
  url?: string;
  /** Absolute folder of the embedded database, or "memory://" for a throwaway one. */
  dataDir: string;
}

/** The database the app opens: DATABASE_URL, or PGlite in DATA_DIR. */
export function dbTarget(vars: NodeJS.ProcessEnv = process.env): DbTarget {
  const parsed = dbEnvSchema.safeParse(vars);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Неверные переменные окружения: ${issues}`);
  }
  const { DATABASE_URL: url, DATA_DIR: dir } = parsed.data;
  return { url, dataDir: dir === "memory://" ? dir : path.resolve(dir) };
}
