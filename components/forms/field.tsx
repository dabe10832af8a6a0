import type { FieldError, UseFormRegisterReturn } from "react-hook-form";

interface FieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError | { message?: string };
  type?: string;
  hint?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "tel";
  className?: string;
}

/** A labelled input whose error is announced to screen readers and tied to the input. */
export function Field({
  label,
  registration,
  error,
  type = "text",
  hint,
  autoComplete,
  inputMode,
  className = "",
}: FieldProps) {
  const id = `f-${registration.name}`;
  const describedBy = [error?.message ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error?.message ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-slate-900 shadow-sm ${
          error?.message ? "border-red-500 bg-red-50" : "border-slate-300 bg-white"
        }`}
        {...registration}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error?.message && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error.message}
        </p>
      )}
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </div>
  );
}

export function FormSuccess({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div
      role="status"
      className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800"
    >
      {message}
    </div>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: React.ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="bg-brand-600 hover:bg-brand-700 inline-flex items-center justify-center rounded-md px-4 py-2 font-medium text-white shadow-sm disabled:opacity-60"
    >
      {pending ? "Подождите…" : children}
    </button>
  );
}

interface ChoiceProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError | { message?: string };
  hint?: string;
  className?: string;
}

/** A labelled select; `options` are [value, label] pairs. */
export function SelectField({
  label,
  registration,
  error,
  hint,
  className = "",
  options,
  placeholder,
}: ChoiceProps & { options: [string, string][]; placeholder?: string }) {
  const id = `f-${registration.name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error?.message ? true : undefined}
        aria-describedby={error?.message ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-slate-900 shadow-sm ${error?.message ? "border-red-500 bg-red-50" : "border-slate-300 bg-white"}`}
        {...registration}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({
  label,
  registration,
  error,
  hint,
  className = "",
  rows = 3,
}: ChoiceProps & { rows?: number }) {
  const id = `f-${registration.name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error?.message ? true : undefined}
        aria-describedby={error?.message ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-slate-900 shadow-sm ${error?.message ? "border-red-500 bg-red-50" : "border-slate-300 bg-white"}`}
        {...registration}
      />
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({ label, registration, error, hint, className = "" }: ChoiceProps) {
  const id = `f-${registration.name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="flex items-start gap-2 text-sm text-slate-800">
        <input
          id={id}
          type="checkbox"
          className="mt-0.5 h-4 w-4 rounded border-slate-400"
          aria-invalid={error?.message ? true : undefined}
          {...registration}
        />
        <span>{label}</span>
      </label>
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}

function FieldHelp({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string;
  error?: FieldError | { message?: string };
}) {
  return (
    <>
      {hint && !error?.message && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error?.message && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error.message}
        </p>
      )}
    </>
  );
}
