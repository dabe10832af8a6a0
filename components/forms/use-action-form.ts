"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import {
  createElement,
  useActionState,
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  useTransition,
} from "react";
import {
  get,
  set,
  useForm,
  type Control,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormRegister,
} from "react-hook-form";
import type { z } from "zod";
import "@/lib/zod-fallback";
import { nextPath } from "@/lib/actions/next-path";
import type { ActionResult, FormAction } from "@/lib/actions/result";
import { KeptValues } from "./kept-values";
import { withDefault } from "./with-default";

type Outcome<T> = ActionResult<T> | null;

/** Server field errors («mentor.consentDate») as react-hook-form keeps them (nested). */
function nestedErrors(fieldErrors: Record<string, string[]> | undefined): FieldErrors | undefined {
  if (!fieldErrors || Object.keys(fieldErrors).length === 0) return undefined;
  const errors: FieldErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors))
    set(errors, field, { type: "server", message: messages.join(" ") });
  return errors;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The form's defaults with what a form posted without JavaScript sent on top (the server echoes it back). */
function mergeValues(base: unknown, sent: unknown): unknown {
  // A check box comes back as the text it sent («on»): ticked, unless it says otherwise.
  if (typeof base === "boolean" && typeof sent === "string") return !["false", "off", ""].includes(sent);
  if (!isPlain(base) || !isPlain(sent)) return sent === undefined ? base : sent;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(sent)) out[key] = mergeValues(base[key], value);
  return out;
}

/**
 * react-hook-form with the zod schema that the server action also parses; server field errors land next to
 * their fields, the form error above the button.
 *
 * The form works without JavaScript too (scripts off, or a click before the page's script has loaded): spread
 * `formProps` on the `<form>` and render `hidden` inside it. The form then posts (never a GET: no password and
 * no personal data in the address) to the same server action as React's form action; the page comes back with
 * the action's result — its messages, and the values that were sent — or, after a success, goes to `next`.
 * With JavaScript the browser checks the values first and the action is called with them, as before.
 */
export function useActionForm<S extends z.core.$ZodType<FieldValues, FieldValues>, T>(
  schema: S,
  action: FormAction<T>,
  options: {
    defaultValues?: DefaultValues<z.input<S>>;
    onSuccess?: (data: T) => void;
    successMessage?: string;
    /** With JavaScript: how to send the checked values (by default, `action(values)`). */
    send?: (values: z.input<S>) => Promise<ActionResult<T>>;
    /** The page to go to after a success, with and without JavaScript; `{id}` is filled from the result. */
    next?: string;
  } = {},
) {
  const router = useRouter();
  // Without JavaScript the server renders the page again with this state: the result of the posted form.
  const [state, formAction] = useActionState(
    action as (state: Outcome<T>, data: FormData) => Promise<Outcome<T>>,
    null,
  );
  const [initial] = useState(() => ({
    state,
    defaultValues:
      state && !state.ok && state.values
        ? (mergeValues(options.defaultValues, state.values) as DefaultValues<z.input<S>>)
        : options.defaultValues,
    errors: state && !state.ok ? nestedErrors(state.fieldErrors) : undefined,
  }));
  const rhf = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: initial.defaultValues,
    errors: initial.errors as FieldErrors<z.input<S>> | undefined,
    mode: "onTouched",
  });
  // The same form whose inputs carry their defaults in the HTML, so that a form shown without JavaScript shows
  // its values (react-hook-form sets them only once mounted). Everything else is react-hook-form's own, read
  // through the prototype: its formState stays current.
  const [form] = useState(() => {
    const register: UseFormRegister<z.input<S>> = (name, registerOptions) =>
      withDefault(rhf.register(name, registerOptions), get(rhf.control._defaultValues, name));
    return Object.create(rhf, { register: { value: register } }) as typeof rhf;
  });

  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome<T>>(initial.state);
  const formError = outcome && !outcome.ok ? (outcome.formError ?? null) : null;
  const success = outcome?.ok ? (outcome.message ?? options.successMessage ?? null) : null;

  function settle(result: Outcome<T> | undefined) {
    if (!result) return;
    setOutcome(result);
    if (result.ok) {
      options.onSuccess?.(result.data);
      const next = options.next ? nextPath(options.next, result.data) : null;
      if (next) router.push(next);
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(field as Path<z.input<S>>, { type: "server", message: messages.join(" ") });
    }
  }

  // A form posted before the page's script loaded is replayed by React once it has: its result arrives here.
  const replayed = useEffectEvent((result: Outcome<T>) => {
    if (result && !result.ok && result.values)
      form.reset(mergeValues(form.getValues(), result.values) as z.input<S>, { keepDefaultValues: true });
    settle(result);
  });
  const settled = useRef(initial.state);
  useEffect(() => {
    if (state === settled.current) return;
    settled.current = state;
    replayed(state);
  }, [state]);

  const onSubmit = form.handleSubmit(
    (values) => {
      setOutcome(null);
      startTransition(async () => {
        const send = options.send ?? ((v: z.input<S>) => action(v));
        settle(await send(values as z.input<S>));
      });
    },
    () => {
      // The browser found errors itself: a message from an earlier attempt no longer applies.
      setOutcome(null);
    },
  );

  const formProps = { action: formAction, onSubmit, noValidate: true };
  const hidden = createElement(KeptValues, {
    control: form.control as unknown as Control<FieldValues>,
    next: options.next,
  });
  return { form, formProps, hidden, onSubmit, pending, formError, success, outcome };
}
