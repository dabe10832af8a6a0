"use client";
import { useWatch } from "react-hook-form";
import {
  Field,
  FormError,
  FormSuccess,
  SelectField,
  SubmitButton,
  TextAreaField,
} from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { createRoadmapItemAction, updateRoadmapItemAction } from "@/lib/roadmap/actions";
import { DUE_HELP, dueText, ROADMAP_STATUS_LABELS, type Due, type RoadmapLevel } from "@/lib/roadmap/domain";
import {
  roadmapCreateSchema,
  roadmapUpdateSchema,
  type RoadmapCreateInput,
  type RoadmapUpdateInput,
} from "@/lib/roadmap/schemas";

type Props = {
  level: RoadmapLevel;
  /** The organisation's documents, for an organisation's roadmap: [id, label]. */
  documents: [string, string][];
  /** Where to go after saving an edit (the roadmap). */
  back?: string;
} & (
  | { mode: "create"; initial: RoadmapCreateInput; sections: [string, string][] }
  | { mode: "edit"; initial: RoadmapUpdateInput; isSection: boolean }
);

type Parsed = Record<string, unknown> & { due: Due; doneDate: string | null };

/** The checked values back as the form typed them (the schema's transforms run again on the server). */
function asTyped(v: Parsed) {
  const due = dueText({ dueDate: v.due.date, duePrecision: v.due.precision, dueNote: v.due.note });
  return { ...v, due, doneDate: v.doneDate ?? "" };
}

const STATUS_OPTIONS = Object.entries(ROADMAP_STATUS_LABELS).map(
  ([v, label]) => [v, label[0].toUpperCase() + label.slice(1)] as [string, string],
);

/** Add a row (an item or a section) to a roadmap, or change one. */
export function RoadmapItemForm(props: Props) {
  const edit = props.mode === "edit";
  const action = (edit ? updateRoadmapItemAction : createRoadmapItemAction) as typeof createRoadmapItemAction;
  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    (edit ? roadmapUpdateSchema : roadmapCreateSchema) as unknown as typeof roadmapCreateSchema,
    action,
    {
      defaultValues: props.initial as RoadmapCreateInput,
      successMessage: edit ? "Изменения сохранены." : "Строка добавлена в дорожную карту.",
      next: edit ? props.back : undefined,
      // The schema turns «Срок» into a date and precision: the server is sent what was typed, and parses it itself.
      send: (values) => action(asTyped(values as unknown as Parsed)),
      onSuccess: () => {
        if (!edit) form.reset(props.initial as RoadmapCreateInput);
      },
    },
  );
  const e = form.formState.errors as Record<string, { message?: string } | undefined>;
  const r = form.register;
  const kind = useWatch({ control: form.control, name: "isSection" });
  const section = edit ? props.isSection : String(kind) === "true";
  const status = useWatch({ control: form.control, name: "status" });
  return (
    <form {...formProps} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-4">
        {!edit && (
          <SelectField
            label="Что добавить"
            registration={r("isSection")}
            error={e.isSection}
            options={[
              ["false", "Мероприятие"],
              ["true", "Раздел (например, «1. Нормативно-правовое регулирование»)"],
            ]}
          />
        )}
        {!edit && !section && props.sections.length > 0 && (
          <SelectField
            className="md:col-span-3"
            label="В раздел"
            registration={r("sectionId")}
            error={e.sectionId}
            placeholder="В конец дорожной карты"
            options={props.sections}
            hint="Мероприятие встанет последним в разделе; номер (1.1, 1.2…) присвоится сам."
          />
        )}
        <TextAreaField
          className="md:col-span-4"
          label={section ? "Название раздела" : "Наименование мероприятия"}
          rows={2}
          registration={r("title")}
          error={e.title}
        />
        {!section && (
          <>
            <Field
              className="md:col-span-2"
              label="Срок реализации"
              registration={r("due")}
              error={e.due}
              hint={DUE_HELP}
            />
            <Field
              className="md:col-span-2"
              label="Ответственный исполнитель"
              registration={r("responsible")}
              error={e.responsible}
              hint="Должность или подразделение: «Заместитель директора по УВР», «Куратор»."
            />
            <TextAreaField
              className="md:col-span-4"
              label="Результат, вид документа"
              rows={2}
              registration={r("result")}
              error={e.result}
            />
            <SelectField
              label="Статус"
              registration={r("status")}
              error={e.status}
              options={STATUS_OPTIONS}
            />
            <Field
              label="Дата выполнения"
              type="date"
              registration={r("doneDate")}
              error={e.doneDate}
              hint={status === "done" ? "Обязательна для выполненного." : "Только для выполненного."}
            />
            {props.level === "organisation" ? (
              <SelectField
                className="md:col-span-2"
                label="Документ-результат из реестра документов"
                registration={r("documentId")}
                error={e.documentId}
                placeholder="Не выбран"
                options={props.documents}
                hint={
                  props.documents.length ? undefined : "В реестре документов организации пока ничего нет."
                }
              />
            ) : (
              <Field
                className="md:col-span-2"
                label="Ссылка на результат"
                type="url"
                registration={r("resultUrl")}
                error={e.resultUrl}
                hint="Адрес документа или страницы, начиная с https://"
              />
            )}
          </>
        )}
      </div>
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>
        {edit ? "Сохранить" : section ? "Добавить раздел" : "Добавить мероприятие"}
      </SubmitButton>
      {hidden}
    </form>
  );
}
