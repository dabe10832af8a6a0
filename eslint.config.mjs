import path from "node:path";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const root = import.meta.dirname;

/** Import boundaries: db/ is the ground floor, lib/ is below the interface, client bundles never reach db/. */
const up = (folders, message) => ({
  patterns: [
    { regex: `^@/(${folders.join("|")})(/|$)`, message },
    { regex: `^(\\.\\./)+(${folders.join("|")})(/|$)`, message },
  ],
});

/** A file that starts with "use client" may not import db/ (by alias or relative path). */
const noDbInClient = {
  meta: {
    type: "problem",
    messages: { db: 'A "use client" file may not import db/: go through lib/ or a server action.' },
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const client = body.some((n) => n.type === "ExpressionStatement" && n.directive === "use client");
    if (!client) return {};
    const dbRoot = path.join(root, "db");
    const isDb = (source) => {
      if (source === "@/db" || source.startsWith("@/db/")) return true;
      if (!source.startsWith(".")) return false;
      const target = path.resolve(path.dirname(context.filename), source);
      return target === dbRoot || target.startsWith(dbRoot + path.sep);
    };
    const check = (node) => {
      if (node.source && typeof node.source.value === "string" && isDb(node.source.value))
        context.report({ node, messageId: "db" });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle, house: { rules: { "no-db-in-client": noDbInClient } } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "house/no-db-in-client": "error",
    },
  },
  {
    files: ["db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        up(
          ["lib", "app", "components"],
          "db/ is the ground floor: it may not import lib/, app/ or components/.",
        ),
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        up(["app", "components"], "lib/ may not import app/ or components/: move what it needs into lib/."),
      ],
    },
  },
  { files: ["**/*.cjs", "next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      ".test-data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
    ],
  },
];

export default config;
