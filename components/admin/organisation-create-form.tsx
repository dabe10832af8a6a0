"use client";
import { CheckboxField, Field, FormError, SelectField, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { ContactFields, CountFields } from "@/components/organisations/card-fields";
import { createOrganisationAction } from "@/lib/admin/directory/actions";
import { createOrganisationSchema, ORGANISATION_KINDS } from "@/lib/admin/directory/schemas";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";

const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => [k, ORGANISATION_KIND_LABELS[k]] as [string, string]);

/** A new organisation of the region; its slug is made from the municipality and the short name. */
export function CreateOrganisationForm({
  municipalities,
  municipalityId,
}: {
  municipalities: [string, string][];
  municipalityId?: string;
}) {
  const { form, formProps, hidden, pending, formError } = useActionForm(
    createOrganisationSchema,
    createOrganisationAction,
    {
      defaultValues: {
        municipalityId: municipalityId ?? "",
        kind: "school",
        fullName: "",
        shortName: "",
        address: "",
        directorName: "",
        phone: "",
        email: "",
        website: "",
        learners10to18: 0,
        teachingStaff: 0,
        youngTeachers: 0,
        joinedYear: "",
        obliged: true,
      },
      next: "/admin/directory/organisations/{id}?created=1",
    },
  );
  const e = form.formState.errors;
  const r = form.register;
  return (
    <form {...formProps} className="space-y-6">
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Организация</legend>
        <SelectField
          label="Муниципалитет"
          placeholder="— выберите —"
          options={municipalities}
          registration={r("municipalityId")}
          error={e.municipalityId}
        />
        <SelectField label="Тип" options={KIND_OPTIONS} registration={r("kind")} error={e.kind} />
        <ContactFields
          register={(n) => r(n)}
          errors={e}
          shortNameHint="По нему строится адрес публичной страницы"
        />
        <Field
          label="Год вступления в модель"
          inputMode="numeric"
          registration={r("joinedYear")}
          error={e.joinedYear}
        />
        <CheckboxField
          className="md:col-span-2"
          label="Обязана участвовать в целевой модели (учитывается в показателе 1)"
          registration={r("obliged")}
          error={e.obliged}
        />
      </fieldset>
      <CountFields register={(n) => r(n)} errors={e} />
      <FormError message={formError} />
      <SubmitButton pending={pending}>Добавить организацию</SubmitButton>
      {hidden}
    </form>
  );
}
