"use client";
import type { RefObject } from "react";
import { ACCEPT_ATTRIBUTE } from "@/lib/files/validation";

/** A labelled file input whose error is announced and tied to it; the caller puts the File into the form. */
export function FileInput({
  label,
  hint,
  error,
  inputRef,
  onFile,
}: {
  label: string;
  hint: string;
  error?: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onFile: (file: File | undefined) => void;
}) {
  const id = "f-file";
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="file"
        name="file"
        accept={ACCEPT_ATTRIBUTE}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        onChange={(e) => onFile(e.target.files?.[0])}
        className="file:bg-brand-50 file:text-brand-700 mt-1 block w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border-0 file:px-3 file:py-2 file:font-medium"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
