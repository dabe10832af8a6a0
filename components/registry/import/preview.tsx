"use client";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { useState } from "react";
import type { ImportCounts, ImportPreview, Issue, WarningGroup } from "@/lib/registry/import/types";
import { CATEGORY_LABELS, type PersonCategory } from "@/lib/reports/domain";
import { rowRanges } from "./send";

/** What the import will write (or wrote). */
export function Counts({ counts }: { counts: ImportCounts }) {
  return (
    <ul className="grid gap-1 text-sm text-slate-800 sm:grid-cols-2">
      <li>Новых участников: {counts.newPersons}</li>
      <li>Найдено в реестре и дополнено: {counts.mergedPersons}</li>
      <li>Новых пар: {counts.newMentorships}</li>
      <li>Пар, уже бывших в реестре: {counts.existingMentorships}</li>
      {counts.newProgrammes.length > 0 && (
        <li className="sm:col-span-2">Новые программы: {counts.newProgrammes.join("; ")}</li>
      )}
    </ul>
  );
}

const SHOWN = 300;

/** Every error row by row (the first few hundred until asked for all); warnings grouped by reason. */
export function IssueList({ errors, warnings }: { errors: Issue[]; warnings: WarningGroup[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? errors : errors.slice(0, SHOWN);
  return (
    <>
      {errors.length > 0 && (
        <div className="max-h-96 overflow-y-auto rounded-md border border-red-200">
          <Table caption="Ошибки в строках файла">
            <thead>
              <tr>
                <Th>Строка</Th>
                <Th>Столбец</Th>
                <Th>Что не так</Th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e, i) => (
                <tr key={i}>
                  <Td className="tabular-nums">{e.row}</Td>
                  <Td>{e.column}</Td>
                  <Td>{e.message}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {shown.length < errors.length && (
        <button type="button" onClick={() => setAll(true)} className="text-brand-700 mt-2 text-sm underline">
          Показать все ошибки ({errors.length})
        </button>
      )}
      {warnings.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-amber-900">
            Предупреждения ({warnings.reduce((n, w) => n + w.rows.length, 0)}): эти строки будут загружены
          </summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
            {warnings.map((w) => (
              <li key={`${w.column}:${w.message}`}>
                {w.column}: {w.message} <span className="text-slate-500">Строки: {rowRanges(w.rows)}.</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        Файл «{preview.fileName}»: заголовок в строке {preview.headerRow}, строк с данными — {preview.rows}.{" "}
        <Badge tone="green">без ошибок: {preview.validRows}</Badge>{" "}
        {preview.errorRows > 0 && <Badge tone="red">с ошибками: {preview.errorRows}</Badge>}
      </p>
      {preview.notes.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-slate-600">
          {preview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <IssueList errors={preview.errors} warnings={preview.warnings} />
    </div>
  );
}

/** The persons and programmes the import would make up: named only as partners, or for the pairs. */
export function ProposedList({ preview }: { preview: ImportPreview }) {
  const { persons, programmes } = preview.proposed;
  if (persons.length + programmes.length === 0) return null;
  return (
    <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200">
      <Table caption="Новые участники и программы, которых нет в реестре">
        <thead>
          <tr>
            <Th>Что будет создано</Th>
            <Th>Строки файла</Th>
          </tr>
        </thead>
        <tbody>
          {persons.map((p) => (
            <tr key={`p:${p.name}:${p.rows[0]}`}>
              <Td>
                {p.role === "mentee" ? "Наставляемый" : "Наставник"}: {p.name}
              </Td>
              <Td className="tabular-nums">{rowRanges(p.rows)}</Td>
            </tr>
          ))}
          {programmes.map((p) => (
            <tr key={`g:${p.name}`}>
              <Td>Программа: {p.name}</Td>
              <Td className="tabular-nums">{rowRanges(p.rows)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** Persons of the file already in the register. */
export function DuplicateList({ preview }: { preview: ImportPreview }) {
  if (preview.duplicates.length === 0) return null;
  return (
    <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200">
      <Table caption="Участники, которые уже есть в реестре">
        <thead>
          <tr>
            <Th>Строка</Th>
            <Th>В файле</Th>
            <Th>В реестре</Th>
          </tr>
        </thead>
        <tbody>
          {preview.duplicates.map((d) => (
            <tr key={d.row}>
              <Td className="tabular-nums">{d.row}</Td>
              <Td>
                {d.name}
                {d.birthYear ? `, ${d.birthYear}` : ""}
              </Td>
              <Td>
                {d.existing.name}
                {d.existing.birthYear ? `, ${d.existing.birthYear}` : ""} ·{" "}
                {CATEGORY_LABELS[d.existing.category as PersonCategory]}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
