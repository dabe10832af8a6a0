"use client";
import { useRef } from "react";
import {
  CheckboxField,
  Field,
  FormError,
  FormSuccess,
  SelectField,
  SubmitButton,
} from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { checkFile } from "@/lib/files/validation";
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";
import { createDocumentAction, updateDocumentAction } from "@/lib/registry/documents/actions";
import {
  DOCUMENT_TYPES,
  documentCreateSchema,
  documentUpdateSchema,
  type DocumentCreateInput,
  type DocumentUpdateInput,
} from "@/lib/registry/documents/schemas";
import { FileInput } from "./file-input";
import { toFormData } from "./to-form-data";

type Saved = { id: number; updatedAt: string };
type Props =
  | { mode: "create"; initial: DocumentCreateInput }
  | { mode: "edit"; initial: DocumentUpdateInput; fileName: string | null };

const TYPE_OPTIONS = DOCUMENT_TYPES.map((t) => [t, DOCUMENT_TYPE_LABELS[t]] as [string, string]);
const FILE_HINT = "PDF, DOCX, ODT, PNG или JPEG, не больше 10 МБ.";

/** Create or edit a document of the register; the file goes to the server in FormData with the fields. */
export function DocumentForm(props: Props) {
  const edit = props.mode === "edit";
  const fileInput = useRef<HTMLInputElement>(null);

  async function submit(values: DocumentUpdateInput): Promise<ActionResult<Saved>> {
    const file = values.file instanceof File ? values.file : undefined;
    if (file) {
      // The server checks the content again; here it saves uploading 10 МБ only to be refused.
      const checked = checkFile(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!checked.ok)
        return {
          ok: false,
          formError: "Проверьте выделенные поля.",
          fieldErrors: { file: [checked.message] },
        };
    }
    const data = toFormData(values as Record<string, unknown>);
    return edit ? updateDocumentAction(data) : createDocumentAction(data);
  }

  const { form, formProps, hidden, pending, formError, success } = useActionForm(
    (edit ? documentUpdateSchema : documentCreateSchema) as typeof documentUpdateSchema,
    edit ? updateDocumentAction : createDocumentAction,
    {
      send: submit,
      defaultValues: props.initial as DocumentUpdateInput,
      successMessage: edit ? "Изменения сохранены." : "Документ добавлен в реестр.",
      onSuccess: (saved) => {
        if (fileInput.current) fileInput.current.value = "";
        if (edit) {
          form.setValue("updatedAt", saved.updatedAt);
          form.setValue("file", undefined);
        } else form.reset(props.initial as DocumentUpdateInput);
      },
    },
  );
  const e = form.formState.errors;
  const r = form.register;

  return (
    <form {...formProps} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-4">
        <SelectField
          className="md:col-span-2"
          label="Вид документа"
          registration={r("type")}
          error={e.type}
          options={TYPE_OPTIONS}
          placeholder={edit ? undefined : "Выберите вид документа"}
        />
        <Field label="Номер" registration={r("number")} error={e.number} hint="Например, 125-од" />
        <Field label="Дата" type="date" registration={r("date")} error={e.date} />
        <Field
          className="md:col-span-4"
          label="Название"
          registration={r("title")}
          error={e.title}
          hint="Например, «Об утверждении положения о системе наставничества»"
        />
      </div>
      {edit && (
        <p className="text-sm text-slate-700">
          Текущий файл: {props.fileName ? <strong>{props.fileName}</strong> : "не загружен"}
        </p>
      )}
      <FileInput
        label={edit ? "Заменить файл" : "Файл документа"}
        hint={edit ? `${FILE_HINT} Оставьте пустым, чтобы сохранить прежний файл.` : FILE_HINT}
        error={e.file?.message}
        inputRef={fileInput}
        onFile={(file) => form.setValue("file", file, { shouldValidate: true, shouldDirty: true })}
      />
      <div className="flex flex-wrap gap-6">
        <CheckboxField label="Действует" registration={r("inForce")} error={e.inForce} />
        <CheckboxField
          label="Публиковать на странице организации"
          registration={r("public")}
          error={e.public}
          hint="Посетители сайта смогут открыть действующий документ и его файл."
        />
      </div>
      <FormError message={formError} />
      <FormSuccess message={success} />
      <SubmitButton pending={pending}>{edit ? "Сохранить" : "Добавить документ"}</SubmitButton>
      {hidden}
    </form>
  );
}
