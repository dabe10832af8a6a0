"use client";
import { useEffect, useRef, useState } from "react";
import { FormError, FormSuccess } from "@/components/forms/field";
import { NeedsScript } from "@/components/ui/needs-script";
import type { ImportEvent, ImportPreview, ImportResult, RegisterKind } from "@/lib/registry/import/types";
import { Counts, DuplicateList, PreviewSummary, ProposedList } from "./preview";
import { ProgressBar, type Progress } from "./progress";
import { sendImport } from "./send";

type Step = "preview" | "commit";

/** Choose the register and the file → preview (nothing written) → decide → commit with progress → result. */
export function ImportPanel({ orgId }: { orgId: number }) {
  const [kind, setKind] = useState<RegisterKind>("mentees");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [createNew, setCreateNew] = useState(false);
  /** «Создать новых участников и программы»: sent with the check and the commit, the server decides by it. */
  const [confirmNew, setConfirmNew] = useState(false);
  // A file chosen while the page's script was still loading is in the input, not yet in the state: take it.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const chosen = input.current?.files?.[0];
    if (chosen) setFile((current) => current ?? chosen);
  }, []);

  const reset = () => {
    setPreview(null);
    setResult(null);
    setError(null);
    setValidOnly(false);
    setCreateNew(false);
    setConfirmNew(false);
  };

  async function run(step: Step, confirm = confirmNew) {
    if (!file) return setError("Выберите файл XLSX или CSV.");
    setBusy(true);
    setError(null);
    setResult(null);
    const form = new FormData();
    form.set("file", file);
    form.set("kind", kind);
    form.set("org", String(orgId));
    form.set("step", step);
    form.set("rows", validOnly ? "valid" : "all");
    form.set("duplicates", createNew ? "create" : "merge");
    form.set("confirmNew", confirm ? "yes" : "no");
    let finished = false;
    const onEvent = (e: ImportEvent) => {
      if (e.type === "progress") return setProgress({ phase: e.phase, done: e.done, total: e.total });
      finished = true;
      if (e.type === "preview") setPreview(e.preview);
      if (e.type === "done") {
        setPreview(e.preview);
        setResult(e.result);
      }
      if (e.type === "error") {
        if (e.preview) setPreview(e.preview);
        setError(e.message);
      }
    };
    await sendImport(form, (loaded, total) => setProgress({ phase: "upload", done: loaded, total }), onEvent);
    if (!finished) setError("Соединение прервалось до ответа сервера. Проверьте реестр и повторите импорт.");
    setProgress(null);
    setBusy(false);
  }

  const proposed = preview ? preview.proposed.persons.length + preview.proposed.programmes.length : 0;
  const canCommit =
    preview &&
    !result &&
    preview.confirmedNew === confirmNew &&
    preview.validRows > 0 &&
    (preview.errorRows === 0 || validOnly);
  return (
    <div className="space-y-5">
      <NeedsScript>Для загрузки файла в реестр включите JavaScript в браузере.</NeedsScript>
      {/* POST, never GET: a click before the script has loaded must not put the choices into the address. */}
      <form
        method="post"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          reset();
          void run("preview");
        }}
      >
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Реестр</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {(
              [
                ["mentees", "База наставляемых"],
                ["mentors", "База наставников"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="kind"
                  value={value}
                  checked={kind === value}
                  disabled={busy}
                  onChange={() => {
                    setKind(value);
                    reset();
                  }}
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
            Файл XLSX или CSV
          </label>
          <input
            id="import-file"
            ref={input}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
            className="mt-1 block w-full text-sm"
          />
        </div>
        <button
          type="submit"
          disabled={busy || !file}
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-medium text-white shadow-sm disabled:opacity-60"
        >
          Проверить файл
        </button>
      </form>

      {progress && <ProgressBar progress={progress} />}
      <FormError message={error} />
      {result && (
        <div className="space-y-2">
          <FormSuccess
            message={`Импорт завершён: загружено строк — ${result.importedRows}${result.skippedRows ? `, пропущено строк с ошибками — ${result.skippedRows}` : ""}.`}
          />
          <Counts counts={result.counts} />
          <a href={`/registry/persons?org=${orgId}`} className="text-brand-700 text-sm font-medium underline">
            Открыть реестр участников
          </a>
        </div>
      )}
      {preview && !result && (
        <section aria-labelledby="preview-title" className="space-y-4 border-t border-slate-200 pt-4">
          <h3 id="preview-title" className="text-base font-semibold text-slate-900">
            Проверка файла: ничего не записано
          </h3>
          <PreviewSummary preview={preview} />
          {preview.duplicates.length > 0 && (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">
                Уже есть в реестре (совпадают ФИО и год рождения): {preview.duplicates.length}
              </legend>
              <DuplicateList preview={preview} />
              <Choice checked={!createNew} onChange={() => setCreateNew(false)} name="dup" disabled={busy}>
                Объединить с записями реестра: дополнить пустые поля и добавить пары (рекомендуется)
              </Choice>
              <Choice checked={createNew} onChange={() => setCreateNew(true)} name="dup" disabled={busy}>
                Создать новые записи (появятся однофамильцы; числа ниже посчитаны для объединения)
              </Choice>
            </fieldset>
          )}
          {proposed > 0 && (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">
                Нет в реестре: будут созданы, только если вы подтвердите
              </legend>
              <ProposedList preview={preview} />
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  checked={confirmNew}
                  disabled={busy}
                  onChange={(e) => {
                    // The check runs again: the rows that need these records are errors without the mark.
                    setConfirmNew(e.target.checked);
                    void run("preview", e.target.checked);
                  }}
                  className="mt-0.5"
                />
                <span>
                  Создать новых участников и программы ({proposed})
                  {!confirmNew && ": без этой отметки строки, где они нужны, не будут загружены"}
                </span>
              </label>
            </fieldset>
          )}
          {preview.errorRows > 0 && preview.validRows > 0 && (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">Строки с ошибками</legend>
              <Choice checked={!validOnly} onChange={() => setValidOnly(false)} name="rows" disabled={busy}>
                Ничего не загружать: исправлю файл и загружу снова
              </Choice>
              <Choice checked={validOnly} onChange={() => setValidOnly(true)} name="rows" disabled={busy}>
                Загрузить только корректные строки ({preview.validRows}), строки с ошибками пропустить
              </Choice>
            </fieldset>
          )}
          <Counts counts={preview.counts} />
          <button
            type="button"
            disabled={busy || !canCommit}
            onClick={() => void run("commit")}
            className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-medium text-white shadow-sm disabled:opacity-60"
          >
            Загрузить в реестр
          </button>
        </section>
      )}
    </div>
  );
}

function Choice(props: {
  checked: boolean;
  onChange: () => void;
  name: string;
  disabled: boolean;
  children: React.ReactNode;
}) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-800">
      <input
        type="radio"
        name={props.name}
        checked={props.checked}
        onChange={props.onChange}
        disabled={props.disabled}
        className="mt-0.5"
      />
      <span>{props.children}</span>
    </label>
  );
}
