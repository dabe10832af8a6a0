"use client";
import Link from "next/link";
import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Field, FormError, FormSuccess, SelectField, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { createUserAction, updateUserAction } from "@/lib/admin/users/actions";
import {
  createUserSchema,
  updateUserSchema,
  type CreateUserInput,
  type UpdateUserInput,
  type UserFields,
} from "@/lib/admin/users/schemas";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { IssuedLink } from "./issued-link";

/** The fields both forms share (the edit form has two more, hidden). */
type UserFormApi = UseFormReturn<CreateUserInput, unknown, UserFields>;

interface Options {
  roles: Role[];
  organisations: [string, string][];
  municipalities: [string, string][];
}

function ScopeFields({ role, options, form }: { role: string; options: Options; form: UserFormApi }) {
  const e = form.formState.errors;
  if (role === "curator")
    return (
      <SelectField
        label="Организация"
        placeholder="— выберите —"
        options={options.organisations}
        registration={form.register("organisationId")}
        error={e.organisationId}
      />
    );
  if (role === "coordinator")
    return (
      <SelectField
        label="Муниципалитет"
        placeholder="— выберите —"
        options={options.municipalities}
        registration={form.register("municipalityId")}
        error={e.municipalityId}
      />
    );
  return <p className="text-sm text-slate-600 md:self-end">Область работы — весь регион.</p>;
}

function CommonFields({ form, options }: { form: UserFormApi; options: Options }) {
  const e = form.formState.errors;
  const role = form.watch("role");
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Field label="ФИО" autoComplete="off" registration={form.register("name")} error={e.name} />
      <Field
        label="Электронная почта"
        type="email"
        autoComplete="off"
        registration={form.register("email")}
        error={e.email}
      />
      <SelectField
        label="Роль"
        options={options.roles.map((r) => [r, ROLE_LABELS[r]])}
        registration={form.register("role")}
        error={e.role}
      />
      <ScopeFields role={role} options={options} form={form} />
    </div>
  );
}

/** A new account: after saving, the one-time link to set the password is shown here. */
export function CreateUserForm({ options }: { options: Options }) {
  const [issued, setIssued] = useState<{ link: string; message: string; userId: number } | null>(null);
  const { form, formProps, hidden, pending, formError, outcome } = useActionForm(
    createUserSchema,
    createUserAction,
    {
      defaultValues: { name: "", email: "", role: options.roles[0], organisationId: "", municipalityId: "" },
      onSuccess: (data) => setIssued(data),
    },
  );
  // Without JavaScript the page comes back with the result: no onSuccess ran.
  const shown = issued ?? (outcome?.ok ? outcome.data : null);
  if (shown)
    return (
      <div className="space-y-4">
        <IssuedLink link={shown.link} message={shown.message} />
        <p className="flex gap-4 text-sm">
          <Link href={`/admin/users/${shown.userId}`} className="text-brand-700 underline">
            Открыть учётную запись
          </Link>
          <Link href="/admin/users" className="text-brand-700 underline">
            К списку
          </Link>
        </p>
      </div>
    );
  return (
    <form {...formProps} className="space-y-4">
      <CommonFields form={form} options={options} />
      <FormError message={formError} />
      <SubmitButton pending={pending}>Создать и получить ссылку</SubmitButton>
      {hidden}
    </form>
  );
}

export function EditUserForm({ initial, options }: { initial: UpdateUserInput; options: Options }) {
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    updateUserSchema,
    updateUserAction,
    {
      defaultValues: initial,
      successMessage: "Сохранено. Если изменились роль или область работы, пользователю нужно войти заново.",
      onSuccess: (data) => form.setValue("updatedAt", data.updatedAt),
    },
  );
  return (
    <form {...formProps} className="space-y-4">
      <CommonFields form={form as unknown as UserFormApi} options={options} />
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>Сохранить</SubmitButton>
      {hidden}
    </form>
  );
}
