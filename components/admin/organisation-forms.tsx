"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  CheckboxField,
  Field,
  FormError,
  FormSuccess,
  SelectField,
  SubmitButton,
} from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { archiveOrganisationAction, updateOrganisationAction } from "@/lib/admin/directory/actions";
import {
  ORGANISATION_KINDS,
  updateOrganisationSchema,
  type UpdateOrganisationInput,
} from "@/lib/admin/directory/schemas";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";

const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => [k, ORGANISATION_KIND_LABELS[k]] as [string, string]);

export function OrganisationDirectoryForm({
  initial,
  municipalities,
}: {
  initial: UpdateOrganisationInput;
  municipalities: [string, string][];
}) {
  const router = useRouter();
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    updateOrganisationSchema,
    updateOrganisationAction,
    {
      defaultValues: initial,
      successMessage: "Сохранено.",
      onSuccess: (data) => {
        form.setValue("updatedAt", data.updatedAt);
        router.refresh();
      },
    },
  );
  const e = form.formState.errors;
  const r = form.register;
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-2">
      <SelectField
        label="Муниципалитет"
        options={municipalities}
        registration={r("municipalityId")}
        error={e.municipalityId}
      />
      <SelectField label="Тип" options={KIND_OPTIONS} registration={r("kind")} error={e.kind} />
      <Field
        label="Год вступления в модель"
        inputMode="numeric"
        registration={r("joinedYear")}
        error={e.joinedYear}
      />
      <CheckboxField
        className="md:self-end"
        label="Обязана участвовать в целевой модели (учитывается в показателе 1)"
        registration={r("obliged")}
        error={e.obliged}
      />
      <div className="space-y-2 md:col-span-2">
        <FormError message={formError} />
        <FormSuccess message={success} />
        <SubmitButton pending={pending}>Сохранить</SubmitButton>
      </div>
      {hidden}
    </form>
  );
}

export function ArchiveOrganisationButton({
  organisationId,
  updatedAt,
  archived,
}: {
  organisationId: number;
  updatedAt: string;
  archived: boolean;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            if (
              !archived &&
              !window.confirm(
                "Перевести организацию в архив? Она пропадёт из списков организаций; её можно будет вернуть.",
              )
            )
              return;
            const res = await archiveOrganisationAction({ organisationId, updatedAt, archived: !archived });
            setError(res.ok ? null : (res.formError ?? "Не удалось."));
            if (res.ok) router.refresh();
          })
        }
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {archived ? "Вернуть из архива" : "В архив"}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
