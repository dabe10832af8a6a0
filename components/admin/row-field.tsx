import type { FieldError, UseFormRegisterReturn } from "react-hook-form";

/**
 * A labelled input for forms repeated on one page (one per table row): the id carries a per-row prefix,
 * so that every label and error message stays tied to its own input.
 */
export function RowField({
  prefix,
  label,
  registration,
  error,
  type = "text",
  options,
  className = "",
}: {
  prefix: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError | { message?: string };
  type?: "text" | "date" | "checkbox";
  options?: [string, string][];
  className?: string;
}) {
  const id = `${prefix}-${registration.name}`;
  const invalid = error?.message ? true : undefined;
  const box = `mt-1 block w-full rounded-md border px-2 py-1.5 text-sm ${invalid ? "border-red-500 bg-red-50" : "border-slate-300 bg-white"}`;
  const describedBy = invalid ? `${id}-error` : undefined;
  return (
    <div className={className}>
      {type === "checkbox" ? (
        <label htmlFor={id} className="flex items-center gap-2 text-sm text-slate-800">
          <input
            id={id}
            type="checkbox"
            className="h-4 w-4"
            aria-invalid={invalid}
            aria-describedby={describedBy}
            {...registration}
          />
          {label}
        </label>
      ) : (
        <>
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          {options ? (
            <select
              id={id}
              className={box}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              {...registration}
            >
              {options.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              type={type}
              className={box}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              {...registration}
            />
          )}
        </>
      )}
      {error?.message && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error.message}
        </p>
      )}
    </div>
  );
}
