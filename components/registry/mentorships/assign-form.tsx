"use client";
import {
  CheckboxField,
  Field,
  FormError,
  FormSuccess,
  SubmitButton,
  TextAreaField,
} from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { assignMentorshipsAction } from "@/lib/registry/mentorships/actions";
import { assignMentorshipsSchema, MAX_GROUP, MIN_REASON } from "@/lib/registry/mentorships/schemas";
import { suggestMentors } from "@/lib/registry/mentorships/suggest";
import { plural } from "@/lib/format";
import { MenteePicker, type Option } from "./mentee-picker";
import { MentorPicker, type MentorOption } from "./mentor-picker";

/** Assigns a mentor to one mentee or a group in one step; the server checks every pair again. */
export function AssignForm({
  programmeId,
  mentors,
  mentees,
  defaultEntryDate,
  year,
}: {
  programmeId: number;
  mentors: MentorOption[];
  mentees: Option[];
  defaultEntryDate: string;
  /** The region's current year: a mentee's age is this year less the year of birth. */
  year: number;
}) {
  const { form, formProps, hidden, pending, formError, outcome } = useActionForm(
    assignMentorshipsSchema,
    assignMentorshipsAction,
    {
      defaultValues: {
        programmeId,
        mentorId: "",
        menteeIds: [],
        entryDate: defaultEntryDate,
        endDate: "",
        orderNumber: "",
        orderDate: "",
        overCapacity: false,
        overCapacityReason: "",
      },
      onSuccess: () => {
        form.setValue("menteeIds", []);
        form.setValue("overCapacity", false);
        form.setValue("overCapacityReason", "");
      },
    },
  );
  const r = form.register;
  const e = form.formState.errors;
  // The picker is not an input of the form: registered by name so that its errors are kept and focused.
  // Registered while rendering, as the inputs are, so that its value is not also kept in a hidden field.
  form.register("menteeIds");
  // Numbers from the picker; text when the page comes back after a form posted without JavaScript.
  const menteeIds = ((form.watch("menteeIds") ?? []) as (number | string)[]).map(Number);
  // Suggestions for the chosen mentees (a few hundred mentors: cheap; the compiler memoises it).
  const chosen = new Set(menteeIds);
  const profiles = mentees.filter((m) => chosen.has(m.id) && m.profile).map((m) => m.profile!);
  const ranking = profiles.length
    ? suggestMentors(
        mentors.map((m) => m.profile),
        profiles,
        year,
      )
    : null;
  const mentor = mentors.find((m) => String(m.id) === String(form.watch("mentorId") ?? ""));
  const overCapacity = Boolean(form.watch("overCapacity"));
  const beyond = mentor?.capacity != null && mentor.load + Math.max(1, menteeIds.length) > mentor.capacity;
  // From the last result, so that it shows also when the page comes back after a form posted without JavaScript.
  const assigned = outcome?.ok ? outcome.data.ids.length : 0;
  const done = assigned === 0 ? null : assigned === 1 ? "Пара назначена." : `Назначено пар: ${assigned}.`;
  if (mentors.length === 0 || mentees.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        {mentors.length === 0
          ? "В реестре нет подходящих к форме программы участников с анкетой наставника."
          : "В реестре нет подходящих к форме программы участников с анкетой наставляемого."}{" "}
        Заполните анкеты на вкладке «Участники».
      </p>
    );
  }
  return (
    <form {...formProps} className="space-y-5">
      <MenteePicker
        options={mentees}
        name="menteeIds"
        value={menteeIds}
        max={MAX_GROUP}
        error={e.menteeIds?.message}
        onChange={(ids) =>
          form.setValue("menteeIds", ids, { shouldValidate: form.formState.isSubmitted, shouldDirty: true })
        }
      />
      <MentorPicker
        options={mentors}
        value={String(form.watch("mentorId") ?? "")}
        registration={r("mentorId")}
        error={e.mentorId?.message}
        ranking={ranking}
      />
      {(beyond || overCapacity) && (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
          {mentor && beyond && (
            <p className="text-sm text-amber-950">
              У наставника {mentor.capacity} {plural(mentor.capacity!, "место", "места", "мест")}, занято{" "}
              {mentor.load}: {menteeIds.length > 1 ? "выбранная группа не поместится" : "свободных мест нет"}.
              Выберите другого наставника или назначьте сверх числа мест — с причиной, она попадёт в журнал
              действий.
            </p>
          )}
          <CheckboxField label="Назначить сверх числа мест" registration={r("overCapacity")} />
          {overCapacity && (
            <TextAreaField
              label="Причина"
              registration={r("overCapacityReason")}
              error={e.overCapacityReason}
              hint={`Не короче ${MIN_REASON} символов, например: «временно, пока наставник группы на больничном».`}
            />
          )}
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Дата вступления" type="date" registration={r("entryDate")} error={e.entryDate} />
        <Field
          label="Дата окончания"
          type="date"
          registration={r("endDate")}
          error={e.endDate}
          hint="Если известна заранее; иначе укажите позже."
        />
        <Field label="Номер приказа о закреплении" registration={r("orderNumber")} error={e.orderNumber} />
        <Field label="Дата приказа" type="date" registration={r("orderDate")} error={e.orderDate} />
      </div>
      <FormError message={formError} />
      <FormSuccess message={done} />
      <SubmitButton pending={pending}>
        {menteeIds.length > 1 ? `Назначить группу (${menteeIds.length})` : "Назначить"}
      </SubmitButton>
      {hidden}
    </form>
  );
}
