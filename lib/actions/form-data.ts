import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { NEXT_FIELD, nextPath } from "./next-path";
import type { ActionResult, FormAction } from "./result";

/**
 * A form posted without JavaScript (scripts off, or a click before the page's script has loaded) reaches its
 * server action as React's form action: `(previousState, formData)`. This module turns that call into the
 * same input object the form sends with JavaScript, so every action runs one parse → authorise → handler path.
 */

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Wrappers that change how a value is checked, not how the form sends it. */
const WRAPPERS = new Set([
  "optional",
  "nullable",
  "default",
  "prefault",
  "catch",
  "readonly",
  "nonoptional",
  "success",
]);

/**
 * What decides how a field is read: the schema under its wrappers, refinements and transforms. A preprocess
 * (a pipe from a transform) reads the raw value itself, so it is where the walk stops («raw»).
 */
function readerOf(schema: unknown): Def {
  let def = defOf(schema);
  for (let depth = 0; depth < 64; depth++) {
    if (WRAPPERS.has(def.type)) def = defOf(def.innerType);
    else if (def.type === "lazy") def = defOf((def.getter as () => unknown)());
    else if (def.type === "pipe") {
      const input = defOf(def.in);
      if (input.type === "transform") return { type: "raw" };
      def = input;
    } else return def;
  }
  return { type: "raw" };
}

/** A field as the browser sent it: absent, one value, or the values of a repeated name. */
function raw(data: FormData, path: string): unknown {
  const values = data.getAll(path);
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

/** A check box sends "on" (or its value) when ticked and nothing when not; a hidden field sends "true"/"false". */
const ticked = (value: FormDataEntryValue) =>
  typeof value !== "string" || !["false", "off", ""].includes(value);

function scalar(def: Def, value: FormDataEntryValue): unknown {
  if (def.type === "boolean") return ticked(value);
  if ((def.type === "number" || def.type === "bigint") && !def.coerce && typeof value === "string") {
    return value.trim() === "" ? undefined : Number(value.trim());
  }
  return value;
}

function read(schema: unknown, data: FormData, path: string): unknown {
  const def = readerOf(schema);
  switch (def.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      let found = false;
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
        const value = read(field, data, path ? `${path}.${key}` : key);
        if (value === undefined) continue;
        out[key] = value;
        found = true;
      }
      return found || !path ? out : undefined;
    }
    case "array": {
      const element = readerOf(def.element);
      if (element.type !== "object") return data.getAll(path).map((v) => scalar(element, v));
      // Rows of objects come as «rows.0.name», «rows.1.name»…
      const prefix = `${path}.`;
      const indices = new Set<number>();
      for (const key of data.keys()) {
        const m = key.startsWith(prefix) ? /^(\d{1,4})\./.exec(key.slice(prefix.length)) : null;
        if (m) indices.add(Number(m[1]));
      }
      return [...indices].sort((a, b) => a - b).map((i) => read(def.element, data, `${prefix}${i}`));
    }
    case "boolean":
      return data.getAll(path).some(ticked);
    case "union":
      // A check box that also takes text («on», "true"): read as one, so that a refused form shows it ticked.
      if ((def.options as unknown[]).some((o) => readerOf(o).type === "boolean"))
        return data.getAll(path).some(ticked);
      return raw(data, path);
    case "number":
    case "bigint": {
      const value = data.get(path);
      return value === null ? undefined : scalar(def, value);
    }
    default:
      return raw(data, path);
  }
}

/**
 * The input object a form's FormData stands for, read by the schema: nested objects from dotted names
 * («mentor.consentDate»), check boxes as booleans (absent: false), plain numbers from text, lists from repeated
 * names. A schema that reads FormData by itself (a preprocess at the top) gets the FormData unchanged.
 */
export function valuesFromFormData(schema: z.core.$ZodType, data: FormData): unknown {
  return readerOf(schema).type === "object" ? read(schema, data, "") : data;
}

/** Fields never sent back into a page: passwords and their confirmations, tokens. */
const SECRET = /password|пароль|confirm|secret|token/i;

/** What the form showed, to show it again after a refusal: no passwords, no files. */
function echo(value: unknown): unknown {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(echo).filter((v) => v !== undefined);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const kept = SECRET.test(key) ? undefined : echo(v);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  return undefined;
}

function echoed(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) {
    const flat: Record<string, unknown> = {};
    for (const [key, value] of input.entries()) if (typeof value === "string") flat[key] = value;
    return echo(flat) as Record<string, unknown>;
  }
  return (echo(input) ?? {}) as Record<string, unknown>;
}

/**
 * Makes `run` (which takes the input object) callable as a form action too. After a posted form a refusal
 * carries the values back so that the page shows them again; a success goes to the page the form named.
 */
export function acceptFormData<T>(
  schema: z.core.$ZodType,
  run: (input: unknown) => Promise<ActionResult<T>>,
): FormAction<T> {
  return (async (...args: unknown[]) => {
    const [first, second] = args;
    if (!(second instanceof FormData)) return run(first);
    const input = valuesFromFormData(schema, second);
    const result = await run(input);
    if (!result.ok) return { ...result, values: echoed(input) };
    const next = nextPath(second.get(NEXT_FIELD), result.data);
    if (next) redirect(next);
    return result;
  }) as FormAction<T>;
}

/**
 * Whether this server action was posted by a form without JavaScript: React's own calls carry a `Next-Action`
 * header, a plain form post carries the action's id in its body. After such a post Next.js renders the page again;
 * an action whose success changes what that page shows (a one-time link just used) sends the browser elsewhere.
 * Outside a request (a script, a test without headers) it is false.
 */
export async function postedWithoutScripts(): Promise<boolean> {
  try {
    return !(await headers()).has("next-action");
  } catch {
    return false;
  }
}
