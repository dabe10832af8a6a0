import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    pool: "forks",
    // next-auth imports "next/server" without an extension: let Vite resolve it.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/worker-setup.ts"],
    // Each worker opens its own in-memory PGlite, or its own copy of the PostgreSQL test database.
    env: {
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? "",
      DATA_DIR: "memory://",
      DEMO_SEED: "no",
      AUTH_SECRET: "test-secret-test-secret-test-secret",
    },
  },
});
