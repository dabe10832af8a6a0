"use client";
import { useActionState } from "react";
import { FormError, FormSuccess, SubmitButton } from "@/components/forms/field";
import type { ActionResult } from "@/lib/actions/result";
import { scaleMax, type SurveyQuestion } from "@/lib/surveys/questions";

type Action = (state: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown>>;

function shown(value: unknown): string {
  if (value === true) return "yes";
  if (value === false) return "no";
  return value === undefined || value === null ? "" : String(value);
}

function Choices(props: {
  name: string;
  options: [string, string][];
  value: string;
  invalid: boolean;
  describedBy?: string;
  compact?: boolean;
}) {
  return (
    <div className={`mt-2 flex flex-wrap ${props.compact ? "gap-1" : "gap-x-5 gap-y-2"}`}>
      {props.options.map(([value, text]) => (
        <label
          key={value}
          className={
            props.compact
              ? "has-[:checked]:border-brand-600 has-[:checked]:bg-brand-600 flex h-10 w-10 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white text-sm has-[:checked]:text-white has-[:focus-visible]:outline-3"
              : "flex cursor-pointer items-center gap-2 text-sm"
          }
        >
          <input
            type="radio"
            name={props.name}
            value={value}
            defaultChecked={props.value === value}
            aria-describedby={props.describedBy}
            className={props.compact ? "sr-only" : ""}
          />
          {text}
        </label>
      ))}
    </div>
  );
}

/**
 * The questions of a questionnaire version as a form that works without JavaScript: the server checks the
 * answers against the same version and names each refused question by its number.
 */
export function AnswersForm(props: {
  questions: SurveyQuestion[];
  action: Action;
  hidden: Record<string, string | number>;
  initial?: Record<string, unknown>;
  submitLabel: string;
  /** Shown instead of the form once saved (the public page); without it the form stays for another edit. */
  doneText?: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, null);
  if (state?.ok && props.doneText) return <FormSuccess message={state.message ?? props.doneText} />;
  const sent = state && !state.ok ? (state.values ?? {}) : {};
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-6" noValidate>
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ol className="space-y-6">
        {props.questions.map((q, i) => {
          const name = `answers.${q.id}`;
          const value = shown(name in sent ? sent[name] : props.initial?.[q.id]);
          const error = errors[name]?.join(" ");
          const errorId = error ? `${name}-error` : undefined;
          const max = scaleMax(q.type);
          return (
            <li key={q.id}>
              <fieldset>
                <legend className="text-sm font-medium text-slate-900">
                  {i + 1}. {q.text}
                  {!q.required && <span className="ml-1 font-normal text-slate-500">(необязательно)</span>}
                </legend>
                {max && (
                  <>
                    <Choices
                      compact
                      name={name}
                      value={value}
                      invalid={Boolean(error)}
                      describedBy={errorId}
                      options={Array.from({ length: max }, (_, k) => [String(k + 1), String(k + 1)])}
                    />
                    <p className="mt-1 text-xs text-slate-500">1 — совсем нет, {max} — в полной мере</p>
                  </>
                )}
                {q.type === "yesno" && (
                  <Choices
                    name={name}
                    value={value}
                    invalid={Boolean(error)}
                    describedBy={errorId}
                    options={[
                      ["yes", "Да"],
                      ["no", "Нет"],
                    ]}
                  />
                )}
                {q.type === "choice" && (
                  <Choices
                    name={name}
                    value={value}
                    invalid={Boolean(error)}
                    describedBy={errorId}
                    options={(q.options ?? []).map((o) => [o, o])}
                  />
                )}
                {q.type === "text" && (
                  <textarea
                    name={name}
                    defaultValue={value}
                    rows={3}
                    maxLength={2000}
                    aria-label={q.text}
                    aria-invalid={Boolean(error) || undefined}
                    aria-describedby={errorId}
                    className="mt-2 block w-full rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm"
                  />
                )}
                {error && (
                  <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
                    {error}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <FormError message={state && !state.ok ? (state.formError ?? null) : null} />
      {state?.ok && <FormSuccess message={state.message ?? "Ответы сохранены."} />}
      <SubmitButton pending={pending}>{props.submitLabel}</SubmitButton>
    </form>
  );
}
