"use client";
import { FormError, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { createProgrammeAction } from "@/lib/registry/programmes/actions";
import { createProgrammeSchema } from "@/lib/registry/programmes/schemas";
import { ProgrammeFields, type ProgrammeForm } from "./programme-fields";

/** A new programme; on success, its page opens (where pairs are assigned). */
export function CreateProgrammeForm({
  organisationId,
  orgQuery,
}: {
  organisationId: number;
  orgQuery: string;
}) {
  const { form, formProps, hidden, pending, formError } = useActionForm(
    createProgrammeSchema,
    createProgrammeAction,
    {
      defaultValues: {
        organisationId,
        title: "",
        format: undefined,
        roleModel: "",
        modes: [],
        goal: "",
        expectedResults: "",
        achievedResults: "",
        startDate: "",
        endDate: "",
        stage: "preparatory",
        bestPracticeProposed: false,
      },
      next: `/registry/programmes/{id}${orgQuery ? `?${orgQuery}` : ""}`,
    },
  );
  return (
    <form {...formProps} className="space-y-6">
      <ProgrammeFields form={form as unknown as ProgrammeForm} />
      <FormError message={formError} />
      <SubmitButton pending={pending}>Создать программу</SubmitButton>
      {hidden}
    </form>
  );
}
