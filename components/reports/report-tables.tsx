import { Table, Td, Th } from "@/components/ui/table";
import { FORM_KEYS, rowSums } from "@/lib/reports/counting";
import { formatDate } from "@/lib/format";
import { FORM_SUBTITLES } from "@/lib/reports/domain";
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";
import { REQUIRED_DOCUMENT_TYPES } from "@/lib/reports/form1";
import type { Form1, ReportForm, ReportFormKey, ReportForms, ReportSummary } from "@/lib/reports/types";
import { FORM1_COUNT_LABELS, FORM_TITLES, SUMMARY_LABELS, type Issue } from "@/lib/reports/validation";

export { FORM_SUBTITLES };

/** Marks a cell whose field has an error (red) or a warning (amber). */
export function issueTone(field: string, errors: Issue[], warnings: Issue[]) {
  if (errors.some((e) => e.field === field)) return "bg-red-50 text-red-900 font-semibold";
  if (warnings.some((w) => w.field === field)) return "bg-amber-50 text-amber-900";
  return "";
}

export function Form1Documents({ documents }: { documents: Form1["documents"] }) {
  return (
    <ul className="space-y-1 text-sm">
      {REQUIRED_DOCUMENT_TYPES.map((t) => {
        const d = documents[t];
        return (
          <li key={t}>
            <span className={d?.present ? "text-green-800" : "text-red-800"}>
              {d?.present ? "да" : "нет"}
            </span>{" "}
            — {DOCUMENT_TYPE_LABELS[t]}
            {d?.present && (
              <span className="text-slate-600">
                {" "}
                (№ {d.number || "б/н"} от {formatDate(d.date)})
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function Form1View({
  form1,
  errors = [],
  warnings = [],
}: {
  form1: Form1;
  errors?: Issue[];
  warnings?: Issue[];
}) {
  const rows: [string, React.ReactNode, string?][] = [
    ["Муниципальный район", form1.municipality],
    ["Образовательная организация", form1.organisation],
    [
      "Контакты",
      [form1.directorName, form1.phone, form1.email, form1.address].filter(Boolean).join(", ") || "—",
    ],
    ...Object.entries(FORM1_COUNT_LABELS).map(
      ([k, label]) =>
        [`${label}, чел.`, form1[k as keyof typeof FORM1_COUNT_LABELS], `form1.${k}`] as [
          string,
          number,
          string,
        ],
    ),
    ["Куратор внедрения ЦМН назначен", form1.curatorName || "нет"],
  ];
  return (
    <Table caption="Форма 1">
      <tbody>
        {rows.map(([label, value, field]) => (
          <tr key={label}>
            <Th scope="row" className="w-1/2 bg-white font-normal">
              {label}
            </Th>
            <Td className={field ? issueTone(field, errors, warnings) : ""}>{value}</Td>
          </tr>
        ))}
        <tr>
          <Th scope="row" className="bg-white font-normal">
            Документы
          </Th>
          <Td>
            <Form1Documents documents={form1.documents} />
          </Td>
        </tr>
      </tbody>
    </Table>
  );
}

export function FormTable({
  formKey,
  form,
  errors = [],
  warnings = [],
}: {
  formKey: ReportFormKey;
  form: ReportForm;
  errors?: Issue[];
  warnings?: Issue[];
}) {
  const sums = rowSums(form);
  const extra =
    formKey === "form3"
      ? ["из них молодых специалистов", "из них с ИОМ"]
      : formKey === "form4"
        ? ["Наставники: колледж, специальность, курс"]
        : formKey === "form5"
          ? ["Наставники: место работы, должность"]
          : [];
  const at = (i: number, f: string) => issueTone(`forms.${formKey}.rows.${i}.${f}`, errors, warnings);
  return (
    <Table caption={`${FORM_TITLES[formKey]}: ${FORM_SUBTITLES[formKey]}`}>
      <thead>
        <tr>
          <Th>Программа наставничества</Th>
          <Th className="text-right">Наставников</Th>
          <Th className="text-right">Наставляемых</Th>
          {extra.map((e) => (
            <Th key={e} className={formKey === "form3" ? "text-right" : ""}>
              {e}
            </Th>
          ))}
          <Th>Результат программы</Th>
        </tr>
      </thead>
      <tbody>
        {form.rows.length === 0 && (
          <tr>
            <Td className="text-slate-500" colSpan={4 + extra.length}>
              Нет программ в этой форме за период.
            </Td>
          </tr>
        )}
        {form.rows.map((r, i) => (
          <tr key={`${r.programmeId ?? "m"}-${i}`}>
            <Td className={at(i, "title")}>{r.title || "—"}</Td>
            <Td className={`text-right tabular-nums ${at(i, "mentors")}`}>{r.mentors}</Td>
            <Td className={`text-right tabular-nums ${at(i, "mentees")}`}>{r.mentees}</Td>
            {formKey === "form3" && <Td className="text-right tabular-nums">{r.youngTeachers ?? 0}</Td>}
            {formKey === "form3" && <Td className="text-right tabular-nums">{r.withRoute ?? 0}</Td>}
            {(formKey === "form4" || formKey === "form5") && (
              <Td className="text-sm">{r.mentorDetails || "—"}</Td>
            )}
            <Td className={`text-sm ${at(i, "result")}`}>{r.result || "—"}</Td>
          </tr>
        ))}
        <tr className="font-semibold">
          <Td>Итого, чел. (сумма строк)</Td>
          <Td className="text-right tabular-nums">{sums.mentors}</Td>
          <Td className="text-right tabular-nums">{sums.mentees}</Td>
          <Td colSpan={1 + extra.length} />
        </tr>
        <tr className="font-semibold">
          <Td>Итого, чел. (без повторов)</Td>
          <Td
            className={`text-right tabular-nums ${issueTone(`forms.${formKey}.distinctMentors`, errors, warnings)}`}
          >
            {form.distinctMentors}
          </Td>
          <Td
            className={`text-right tabular-nums ${issueTone(`forms.${formKey}.distinctMentees`, errors, warnings)}`}
          >
            {form.distinctMentees}
          </Td>
          <Td colSpan={1 + extra.length} />
        </tr>
      </tbody>
    </Table>
  );
}

export function FormsView({
  forms,
  errors,
  warnings,
}: {
  forms: ReportForms;
  errors?: Issue[];
  warnings?: Issue[];
}) {
  return (
    <div className="space-y-8">
      {FORM_KEYS.map((k) => (
        <section key={k} aria-labelledby={`h-${k}`}>
          <h3 id={`h-${k}`} className="mb-2 font-semibold">
            {FORM_TITLES[k]} <span className="font-normal text-slate-600">— {FORM_SUBTITLES[k]}</span>
          </h3>
          <FormTable formKey={k} form={forms[k]} errors={errors} warnings={warnings} />
        </section>
      ))}
    </div>
  );
}

export function SummaryView({
  summary,
  errors = [],
  warnings = [],
}: {
  summary: ReportSummary;
  errors?: Issue[];
  warnings?: Issue[];
}) {
  return (
    <Table caption="Сводные показатели отчёта">
      <tbody>
        {Object.entries(SUMMARY_LABELS).map(([k, label]) => (
          <tr key={k}>
            <Th scope="row" className="w-2/3 bg-white font-normal">
              {label}
            </Th>
            <Td className={`text-right tabular-nums ${issueTone(`summary.${k}`, errors, warnings)}`}>
              {summary[k as keyof ReportSummary]}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
