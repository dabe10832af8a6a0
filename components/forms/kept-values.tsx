"use client";
import type { Control, FieldValues } from "react-hook-form";
import { NEXT_FIELD } from "@/lib/actions/next-path";

/** [name, value] of every leaf of the form's values: «mentor.consentDate», list items under one name. */
function leaves(value: unknown, path: string, out: [string, string][]) {
  if (value === null || value === undefined) return out;
  if (typeof value === "boolean" || typeof value === "number" || typeof value === "string") {
    out.push([path, String(value)]);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) =>
      item !== null && typeof item === "object" ? leaves(item, `${path}.${i}`, out) : leaves(item, path, out),
    );
  } else if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, v] of Object.entries(value)) leaves(v, path ? `${path}.${key}` : key, out);
  }
  return out;
}

/**
 * The values a form holds but shows no input for (the record's id, its version, the organisation, a section
 * folded away), as hidden inputs: with JavaScript react-hook-form sends them itself, a form posted without
 * it sends only its inputs. Rendered last in the form, after every field has registered its name.
 */
export function KeptValues<V extends FieldValues>({ control, next }: { control: Control<V>; next?: string }) {
  const shown = [...control._names.mount];
  const covered = (name: string) =>
    shown.some((s) => s === name || name.startsWith(`${s}.`) || s.startsWith(`${name}.`));
  const kept = leaves(control._defaultValues, "", []).filter(([name]) => !covered(name));
  return (
    <>
      {next && <input type="hidden" name={NEXT_FIELD} value={next} />}
      {kept.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
