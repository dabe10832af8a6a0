"use client";
import { Field, FormError, FormSuccess, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { ContactFields, CountFields } from "./card-fields";
import { updateOrganisationCardAction } from "@/lib/organisations/actions";
import { organisationCardSchema, type OrganisationCardInput } from "@/lib/organisations/schemas";

export function OrganisationCardForm({ initial }: { initial: OrganisationCardInput }) {
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    organisationCardSchema,
    updateOrganisationCardAction,
    {
      defaultValues: initial,
      successMessage: "Карточка сохранена.",
      onSuccess: (data) => form.setValue("updatedAt", data.updatedAt),
    },
  );
  const e = form.formState.errors;
  const r = form.register;
  return (
    <form {...formProps} className="space-y-6">
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Реквизиты и контакты</legend>
        <ContactFields register={(n) => r(n)} errors={e} />
      </fieldset>
      <CountFields register={(n) => r(n)} errors={e} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Куратор внедрения ЦМН</legend>
        <Field label="ФИО куратора" registration={r("curatorName")} error={e.curatorName} />
        <Field label="Контакты куратора" registration={r("curatorContact")} error={e.curatorContact} />
      </fieldset>
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>Сохранить</SubmitButton>
      {hidden}
    </form>
  );
}
