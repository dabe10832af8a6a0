"use client";
import { useRouter } from "next/navigation";
import { FormError, FormSuccess, SelectField, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { setRegionTimeZoneAction } from "@/lib/admin/region/actions";
import { regionTimeZoneSchema } from "@/lib/admin/region/schemas";
import { TIME_ZONES, type TimeZone } from "@/lib/clock";

const OPTIONS = TIME_ZONES.map(([id, label]) => [id, label] as [string, string]);

/** The region's time zone: when its day starts, deadlines pass and times are shown. */
export function RegionTimeZoneForm({ timeZone }: { timeZone: string }) {
  const router = useRouter();
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    regionTimeZoneSchema,
    setRegionTimeZoneAction,
    {
      defaultValues: { timeZone: timeZone as TimeZone },
      successMessage: "Часовой пояс сохранён.",
      onSuccess: () => router.refresh(),
    },
  );
  return (
    <form {...formProps} className="grid gap-4 md:grid-cols-4 md:items-start">
      <SelectField
        label="Часовой пояс"
        className="md:col-span-2"
        options={OPTIONS}
        registration={form.register("timeZone")}
        error={form.formState.errors.timeZone}
        hint="По нему наступает новый день: отчёт становится просроченным в полночь по времени региона"
      />
      <div className="md:pt-6">
        <SubmitButton pending={pending}>Сохранить</SubmitButton>
      </div>
      <div className="md:col-span-4">
        <FormError message={formError} />
        <FormSuccess message={success} />
      </div>
      {hidden}
    </form>
  );
}
