"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";

/**
 * react-hook-form with the zod schema that the server action also parses; server field errors land
 * next to their fields, the form error above the button.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionResult<T>>,
  options: {
    defaultValues?: DefaultValues<z.input<S>>;
    onSuccess?: (data: T) => void;
    successMessage?: string;
  } = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(
    (values) => {
      setFormError(null);
      setSuccess(null);
      startTransition(async () => {
        const result = await action(values as z.input<S>);
        if (!result) return;
        if (result.ok) {
          setSuccess(result.message ?? options.successMessage ?? null);
          options.onSuccess?.(result.data);
          return;
        }
        setFormError(result.formError ?? null);
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          form.setError(field as Path<z.input<S>>, { type: "server", message: messages.join(" ") });
        }
      });
    },
    () => {
      // The browser found errors itself: a message from an earlier attempt no longer applies.
      setFormError(null);
      setSuccess(null);
    },
  );

  return { form, onSubmit, pending, formError, success };
}
