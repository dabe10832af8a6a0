"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormError, FormSuccess } from "@/components/forms/field";
import { Table, Td, Th } from "@/components/ui/table";
import { importOrganisationsAction } from "@/lib/admin/directory/actions";
import type { ImportMode, OrganisationImportResult } from "@/lib/admin/import/types";

const button =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";

/** Check a form-1 file, see every row's problems, then import it whole or only its valid rows. */
export function OrganisationImportPanel({ regionId }: { regionId: number }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<OrganisationImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const send = (mode: ImportMode) =>
    start(async () => {
      if (!file) return setError("Выберите файл .xlsx или .csv.");
      const data = new FormData();
      data.append("regionId", String(regionId));
      data.append("mode", mode);
      data.append("file", file, file.name);
      const r = await importOrganisationsAction(data);
      setError(r.ok ? null : (r.formError ?? "Не удалось прочитать файл."));
      setResult(r.ok ? r.data : null);
      if (r.ok && r.data.written) router.refresh();
    });
  const p = result?.preview;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-slate-800">
          Файл списка организаций (.xlsx или .csv)
          <input
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            className="mt-1 block text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setError(null);
            }}
          />
        </label>
        <button type="button" className={button} disabled={pending || !file} onClick={() => send("check")}>
          {pending ? "Подождите…" : "Проверить"}
        </button>
      </div>
      <FormError message={error} />
      {p && result && (
        <div className="space-y-3" aria-live="polite">
          {result.written ? (
            <FormSuccess message={result.message} />
          ) : (
            <p className="text-sm text-slate-800">{result.message}</p>
          )}
          <p className="text-sm text-slate-700">
            Строк в файле: {p.rows} (заголовок — строка {p.headerRow}); верных: {p.validRows}, с ошибками:{" "}
            {p.errorRows}. Из верных новых организаций: {p.create}, уже в справочнике (будут обновлены
            численность и контакты): {p.update}.
          </p>
          {p.notes.map((n) => (
            <p key={n} className="text-sm text-amber-900">
              {n}
            </p>
          ))}
          {!result.written && p.validRows > 0 && (
            <div className="flex flex-wrap gap-2">
              {p.errorRows === 0 ? (
                <button type="button" className={button} disabled={pending} onClick={() => send("all")}>
                  Импортировать ({p.validRows})
                </button>
              ) : (
                <button
                  type="button"
                  className={button}
                  disabled={pending}
                  onClick={() =>
                    window.confirm(`Строки с ошибками (${p.errorRows}) будут пропущены. Продолжить?`) &&
                    send("valid")
                  }
                >
                  Импортировать только верные строки ({p.validRows})
                </button>
              )}
            </div>
          )}
          {p.issues.length > 0 && (
            <Table caption="Замечания по строкам файла">
              <thead>
                <tr>
                  <Th>Строка</Th>
                  <Th>Столбец</Th>
                  <Th>Что не так</Th>
                </tr>
              </thead>
              <tbody>
                {p.issues.map((i, k) => (
                  <tr key={k}>
                    <Td className="tabular-nums">{i.row}</Td>
                    <Td>{i.column}</Td>
                    <Td className={i.level === "error" ? "text-red-800" : "text-amber-900"}>
                      {i.level === "error" ? "Ошибка: " : "Предупреждение: "}
                      {i.message}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      )}
    </div>
  );
}
