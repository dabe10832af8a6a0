"use client";
import { useRouter } from "next/navigation";
import { Field, FormError, FormSuccess, SelectField, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { openPeriodAction, updatePeriodAction } from "@/lib/admin/periods/actions";
import { RowField } from "./row-field";
import { openPeriodSchema, updatePeriodSchema, type OpenPeriodInput } from "@/lib/admin/periods/schemas";

const QUARTERS: [string, string][] = [
  ["1", "I квартал"],
  ["2", "II квартал"],
  ["3", "III квартал"],
  ["4", "IV квартал"],
];

export function OpenPeriodForm({ initial }: { initial: OpenPeriodInput }) {
  const router = useRouter();
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    openPeriodSchema,
    openPeriodAction,
    {
      defaultValues: initial,
      successMessage: "Период открыт.",
      onSuccess: () => router.refresh(),
    },
  );
  const e = form.formState.errors;
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-4 md:items-start">
      <Field label="Год" inputMode="numeric" registration={form.register("year")} error={e.year} />
      <SelectField
        label="Квартал"
        options={QUARTERS}
        registration={form.register("quarter")}
        error={e.quarter}
      />
      <Field
        label="Срок сдачи отчётов"
        type="date"
        registration={form.register("deadline")}
        error={e.deadline}
        hint="Пусто — 10-й день после окончания квартала"
      />
      <div className="md:pt-6">
        <SubmitButton pending={pending}>Открыть период</SubmitButton>
      </div>
      <div className="md:col-span-4">
        <FormError message={formError} />
        <FormSuccess message={success} />
      </div>
      {hidden}
    </form>
  );
}

/**
 * One row of the periods table: its deadline and whether reports are accepted. The form carries the period's
 * stamp (`updatedAt`): a save over someone else's newer change is refused with the conflict message.
 */
export function PeriodRowForm({
  year,
  quarter,
  deadline,
  open,
  updatedAt,
}: {
  year: number;
  quarter: number;
  deadline: string;
  open: boolean;
  updatedAt: string;
}) {
  const router = useRouter();
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    updatePeriodSchema,
    updatePeriodAction,
    {
      defaultValues: { year, quarter, deadline, open, updatedAt },
      successMessage: "Сохранено.",
      onSuccess: (data) => {
        form.setValue("updatedAt", data.updatedAt);
        router.refresh();
      },
    },
  );
  const e = form.formState.errors;
  const prefix = `period-${year}-${quarter}`;
  return (
    <form {...formProps} className="flex flex-wrap items-start gap-3">
      <RowField
        prefix={prefix}
        className="w-44"
        label="Срок сдачи"
        type="date"
        registration={form.register("deadline")}
        error={e.deadline}
      />
      <RowField
        prefix={prefix}
        className="pt-7"
        label="Открыт"
        type="checkbox"
        registration={form.register("open")}
        error={e.open}
      />
      <div className="pt-6">
        <SubmitButton pending={pending}>Сохранить</SubmitButton>
      </div>
      <div className="w-full">
        <FormError message={formError} />
        <FormSuccess message={success} />
      </div>
      {hidden}
    </form>
  );
}
