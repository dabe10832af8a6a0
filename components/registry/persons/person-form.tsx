"use client";
import { useWatch } from "react-hook-form";
import {
  CheckboxField,
  Field,
  FormError,
  FormSuccess,
  SelectField,
  SubmitButton,
  TextAreaField,
} from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { LEARNER_NEEDS, TEACHER_NEEDS } from "@/lib/registry/formats";
import { createPersonAction, updatePersonAction } from "@/lib/registry/persons/actions";
import {
  consentLabel,
  isMinor,
  MAX_CAPACITY,
  personSchema,
  type PersonInput,
} from "@/lib/registry/persons/schemas";
import { CATEGORY_LABELS, PERSON_CATEGORIES } from "@/lib/reports/domain";

const CATEGORY_OPTIONS = PERSON_CATEGORIES.map((c) => [c, CATEGORY_LABELS[c]] as [string, string]);

/** Create or edit a register entry with its mentor and mentee questionnaires. */
export function PersonForm({ initial, backHref }: { initial: PersonInput; backHref: string }) {
  const editing = Boolean(initial.id);
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    personSchema,
    editing ? updatePersonAction : createPersonAction,
    {
      defaultValues: initial,
      successMessage: "Запись сохранена.",
      // The new entry's page, with and without JavaScript.
      next: editing ? undefined : backHref.replace("/registry/persons", "/registry/persons/{id}"),
      onSuccess: (data) => {
        if (editing && "updatedAt" in data) form.setValue("updatedAt", data.updatedAt as string);
      },
    },
  );
  const r = form.register;
  const e = form.formState.errors;
  const [category, isMentor, isMentee, birthYear] = useWatch({
    control: form.control,
    name: ["category", "isMentor", "isMentee", "birthYear"],
  });
  const learner = category === "pupil" || category === "college_student";
  const minor = isMinor(
    typeof birthYear === "string" && birthYear !== "" ? Number(birthYear) : (birthYear as number | undefined),
  );
  const needs = category === "teacher" ? TEACHER_NEEDS : LEARNER_NEEDS;
  return (
    <form {...formProps} className="space-y-8">
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-base font-semibold">Основные сведения</legend>
        <Field label="Фамилия" registration={r("surname")} error={e.surname} autoComplete="off" />
        <Field label="Имя" registration={r("name")} error={e.name} autoComplete="off" />
        <Field label="Отчество" registration={r("patronymic")} error={e.patronymic} autoComplete="off" />
        <SelectField
          label="Категория"
          registration={r("category")}
          error={e.category}
          options={CATEGORY_OPTIONS}
        />
        <Field
          label="Год рождения"
          inputMode="numeric"
          registration={r("birthYear")}
          error={e.birthYear}
          hint={learner ? "Обязателен для обучающихся" : "Необязательно для взрослых"}
        />
        {learner && (
          <Field
            label="Класс или курс"
            registration={r("grade")}
            error={e.grade}
            hint="Например, 7Б или 2 курс"
          />
        )}
        {category === "teacher" && (
          <Field
            label="Год начала педагогической работы"
            inputMode="numeric"
            registration={r("teachingSince")}
            error={e.teachingSince}
            hint="Молодой специалист — стаж 0–3 года"
          />
        )}
        {!learner && (
          <Field label="Место работы или учёбы" registration={r("workplace")} error={e.workplace} />
        )}
        {!learner && (
          <Field label="Должность или специальность" registration={r("position")} error={e.position} />
        )}
        <Field label="Телефон" type="tel" registration={r("phone")} error={e.phone} />
        <Field label="Электронная почта" type="email" registration={r("email")} error={e.email} />
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-base font-semibold">Наставник</legend>
        <CheckboxField
          label="Участвует как наставник (анкета «База наставников»)"
          registration={r("isMentor")}
        />
        {isMentor && (
          <div className="grid gap-4 md:grid-cols-2">
            <TextAreaField
              label="Основные компетенции"
              registration={r("mentor.competencies")}
              error={e.mentor?.competencies}
            />
            <TextAreaField
              label="Важные для программы достижения"
              registration={r("mentor.achievements")}
              error={e.mentor?.achievements}
            />
            <TextAreaField
              label="Интересы"
              registration={r("mentor.interests")}
              error={e.mentor?.interests}
            />
            <div className="space-y-4">
              <Field
                label="Желаемый возраст наставляемых"
                registration={r("mentor.preferredMenteeAge")}
                error={e.mentor?.preferredMenteeAge}
              />
              <Field
                label="Ресурс времени на программу"
                registration={r("mentor.timeAvailable")}
                error={e.mentor?.timeAvailable}
                hint="Например, 2 часа в неделю"
              />
              <Field
                label="Сколько наставляемых одновременно"
                inputMode="numeric"
                registration={r("mentor.capacity")}
                error={e.mentor?.capacity}
                hint={`От 1 до ${MAX_CAPACITY}. Сверх этого числа пару назначают только с причиной; пусто — без ограничения.`}
              />
            </div>
            <Field
              label={consentLabel("наставника", minor)}
              type="date"
              registration={r("mentor.consentDate")}
              error={e.mentor?.consentDate}
              hint={minor ? "Наставнику нет 18 лет: согласие даёт законный представитель" : undefined}
            />
            {!minor && (
              <CheckboxField
                label="Согласен на публикацию ФИО на странице «Наставничество» сайта"
                registration={r("mentor.publishName")}
                error={e.mentor?.publishName}
                className="self-end"
              />
            )}
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-base font-semibold">Наставляемый</legend>
        <CheckboxField
          label="Участвует как наставляемый (анкета «База наставляемых»)"
          registration={r("isMentee")}
        />
        {isMentee && (
          <div className="grid gap-4 md:grid-cols-2">
            <TextAreaField
              label="Основной запрос наставляемого"
              registration={r("mentee.request")}
              error={e.mentee?.request}
            />
            <SelectField
              label="Категория запроса"
              registration={r("mentee.needCategory")}
              error={e.mentee?.needCategory}
              options={needs.map((n) => [n, n])}
              placeholder="— не выбрана —"
            />
            <Field
              label={consentLabel("наставляемого", minor)}
              type="date"
              registration={r("mentee.consentDate")}
              error={e.mentee?.consentDate}
              hint={minor ? "Наставляемому нет 18 лет: согласие даёт законный представитель" : undefined}
            />
            {minor && (
              <Field
                label="Контакт законного представителя (электронная почта)"
                type="email"
                registration={r("mentee.representativeEmail")}
                error={e.mentee?.representativeEmail}
                hint="Сюда, а не наставляемому, уходят ссылки на анкеты мониторинга"
              />
            )}
            {category === "teacher" && (
              <CheckboxField
                label="Есть индивидуальный образовательный маршрут (ИОМ)"
                registration={r("mentee.hasIndividualRoute")}
                className="self-end"
              />
            )}
          </div>
        )}
      </fieldset>

      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>{editing ? "Сохранить" : "Добавить в реестр"}</SubmitButton>
      {hidden}
    </form>
  );
}
