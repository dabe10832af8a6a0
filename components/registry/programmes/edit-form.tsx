"use client";
import { FormError, FormSuccess, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateProgrammeAction } from "@/lib/registry/programmes/actions";
import { updateProgrammeSchema, type UpdateProgrammeInput } from "@/lib/registry/programmes/schemas";
import { ProgrammeFields, type ProgrammeForm } from "./programme-fields";

/** Edits the programme; the version it was opened at goes with the save (optimistic check). */
export function EditProgrammeForm({ initial }: { initial: UpdateProgrammeInput }) {
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    updateProgrammeSchema,
    updateProgrammeAction,
    {
      defaultValues: initial,
      successMessage: "Программа сохранена.",
      onSuccess: (data) => form.setValue("updatedAt", data.updatedAt),
    },
  );
  return (
    <form {...formProps} className="space-y-6">
      <ProgrammeFields form={form as unknown as ProgrammeForm} />
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>Сохранить программу</SubmitButton>
      {hidden}
    </form>
  );
}
