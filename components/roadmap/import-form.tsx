"use client";
import { FormError, SelectField, SubmitButton } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { importRoadmapAction } from "@/lib/roadmap/actions";
import type { RoadmapLevel } from "@/lib/roadmap/domain";
import { roadmapImportSchema } from "@/lib/roadmap/schemas";

/** Upload a roadmap in seed 001's layout: added after the rows there are, or instead of them. */
export function RoadmapImportForm({ level, ownerId }: { level: RoadmapLevel; ownerId: number }) {
  const { form, formProps, hidden, pending, formError, outcome } = useActionForm(
    roadmapImportSchema,
    importRoadmapAction,
    {
      defaultValues: { level, ownerId, mode: "append" },
      send: (values) => {
        const data = new FormData();
        data.set("level", level);
        data.set("ownerId", String(ownerId));
        data.set("mode", String(values.mode));
        data.set("file", values.file as File);
        return importRoadmapAction(data);
      },
    },
  );
  const fileErrors = outcome && !outcome.ok ? (outcome.fieldErrors?.file ?? []) : [];
  const clientFileError = form.formState.errors.file?.message;
  const done = outcome?.ok ? outcome.data : null;
  const file = form.register("file");
  return (
    <form {...formProps} className="space-y-3">
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="roadmap-file" className="block text-sm font-medium text-slate-800">
            Файл дорожной карты (.xlsx)
          </label>
          <input
            id="roadmap-file"
            type="file"
            accept=".xlsx,.csv"
            className="mt-1 block w-full text-sm"
            aria-invalid={fileErrors.length || clientFileError ? true : undefined}
            {...file}
            onChange={(e) => {
              form.setValue("file", (e.target.files?.[0] ?? undefined) as never, { shouldValidate: true });
            }}
          />
          <p className="mt-1 text-xs text-slate-500">
            Колонки как в выгрузке: № п/п, Наименование мероприятий, Срок реализации, Ответственный
            исполнитель, Результат, вид документа; Статус и Дата выполнения — если есть. Номера строк не
            переносятся: их присваивает порядок строк (раздел — целое число без других заполненных колонок).
          </p>
        </div>
        <SelectField
          label="Что сделать со строками, которые уже есть"
          registration={form.register("mode")}
          error={form.formState.errors.mode}
          options={[
            ["append", "Добавить строки файла после имеющихся"],
            ["replace", "Заменить всю дорожную карту строками файла"],
          ]}
          hint="При ошибке в любой строке файл не загружается целиком и ничего не меняется."
        />
      </div>
      {clientFileError && !fileErrors.length && (
        <p role="alert" className="text-sm text-red-700">
          {clientFileError}
        </p>
      )}
      <FormError message={formError} />
      {fileErrors.length > 0 && (
        <ul className="list-disc space-y-1 pl-6 text-sm text-red-800">
          {fileErrors.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {done && (
        <p
          role="status"
          className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          Загружено строк: {done.rows}
          {done.replaced ? `; прежние строки (${done.replaced}) заменены.` : "."}
        </p>
      )}
      <SubmitButton pending={pending}>Загрузить</SubmitButton>
      {hidden}
    </form>
  );
}
