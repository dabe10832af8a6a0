"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Field, FormError, FormSuccess, SelectField, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import {
  archiveMunicipalityAction,
  createMunicipalityAction,
  updateMunicipalityAction,
} from "@/lib/admin/directory/actions";
import {
  createMunicipalitySchema,
  MUNICIPALITY_KIND_LABELS,
  MUNICIPALITY_KINDS,
  updateMunicipalitySchema,
  type UpdateMunicipalityInput,
} from "@/lib/admin/directory/schemas";
import { RowField } from "./row-field";

const KIND_OPTIONS = MUNICIPALITY_KINDS.map((k) => [k, MUNICIPALITY_KIND_LABELS[k]] as [string, string]);

export function CreateMunicipalityForm({ regionId }: { regionId: number }) {
  const router = useRouter();
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    createMunicipalitySchema,
    createMunicipalityAction,
    {
      defaultValues: { regionId, name: "", kind: "municipal_district" },
      successMessage: "Муниципалитет добавлен.",
      onSuccess: () => {
        form.reset({ regionId, name: "", kind: "municipal_district" });
        router.refresh();
      },
    },
  );
  const e = form.formState.errors;
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-3 md:items-end">
      <Field
        label="Название"
        registration={form.register("name")}
        error={e.name}
        hint="Например, «Саргатский муниципальный район»"
      />
      <SelectField label="Вид" options={KIND_OPTIONS} registration={form.register("kind")} error={e.kind} />
      <div>
        <SubmitButton pending={pending}>Добавить</SubmitButton>
      </div>
      <div className="md:col-span-3">
        <FormError message={formError} />
        <FormSuccess message={success} />
      </div>
      {hidden}
    </form>
  );
}

/**
 * Rename / change kind of one municipality, and archive or restore it. The form carries the municipality's
 * stamp (`updatedAt`): a save over someone else's newer change is refused with the conflict message.
 */
export function MunicipalityEditor({
  initial,
  archived,
}: {
  initial: UpdateMunicipalityInput;
  archived: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const {
    form,
    formProps,
    hidden,
    pending: saving,
    formError,
    success,
  } = useActionForm(updateMunicipalitySchema, updateMunicipalityAction, {
    defaultValues: initial,
    successMessage: "Сохранено.",
    onSuccess: (data) => {
      form.setValue("updatedAt", data.updatedAt);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const prefix = `municipality-${initial.municipalityId}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2 text-sm">
        <button
          type="button"
          className="text-brand-700 underline"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
        >
          {open ? "Скрыть" : "Изменить"}
        </button>
        <button
          type="button"
          disabled={pending}
          className="text-brand-700 underline disabled:opacity-60"
          onClick={() =>
            start(async () => {
              const r = await archiveMunicipalityAction({
                municipalityId: initial.municipalityId,
                archived: !archived,
              });
              setError(r.ok ? null : (r.formError ?? "Не удалось."));
              if (r.ok) {
                form.setValue("updatedAt", r.data.updatedAt);
                router.refresh();
              }
            })
          }
        >
          {archived ? "Вернуть из архива" : "В архив"}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {open && (
        <form {...formProps} className="space-y-2">
          <RowField prefix={prefix} label="Название" registration={form.register("name")} error={e.name} />
          <RowField
            prefix={prefix}
            label="Вид"
            options={KIND_OPTIONS}
            registration={form.register("kind")}
            error={e.kind}
          />
          <FormError message={formError} />
          <FormSuccess message={success} />
          <SubmitButton pending={saving}>Сохранить</SubmitButton>
          {hidden}
        </form>
      )}
    </div>
  );
}
