/**
 * A registration with the value its input shows before the page's script runs: react-hook-form sets an input's
 * value only once mounted, so without this the server's HTML has empty fields until hydration (and a reader, or
 * a test, sees nothing there).
 */
export function withDefault<R extends object>(registration: R, value: unknown): R {
  if (typeof value === "boolean") return { ...registration, defaultChecked: value };
  if (typeof value === "string" || typeof value === "number")
    return { ...registration, defaultValue: String(value) };
  return registration;
}
