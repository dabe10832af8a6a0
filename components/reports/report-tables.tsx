import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { DOCUMENT_TYPE_LABELS } from "@/lib/organisations/labels";
import { FORM_KEYS, rowSums } from "@/lib/reports/counting";
import { FORM_SUBTITLES } from "@/lib/reports/domain";
import { REQUIRED_DOCUMENT_TYPES } from "@/lib/reports/form1";
import {
  AGE_NOTE,
  DISTINCT_LABEL,
  DOCUMENTS_GROUP,
  FORM1_HEADINGS,
  FORM_ALSO,
  FORM_HEADINGS,
  form1Columns,
  formColumns,
  hasMentorDetails,
  TOTAL_LABEL,
} from "@/lib/reports/headings";
import type { Form1, ReportForm, ReportFormKey, ReportForms, ReportSummary } from "@/lib/reports/types";
import { type FORM1_COUNT_LABELS, FORM_TITLES, SUMMARY_LABELS, type Issue } from "@/lib/reports/validation";
import { FormHead, minWidth, ScrollRegion } from "./form-head";

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

const cell = "border border-slate-200 px-2 py-1.5 align-top";
const num = `${cell} text-right tabular-nums`;

/** Form 1 in the seed's layout (one row), the 10–18 note, then the curator and the four documents. */
export function Form1View({
  form1,
  errors = [],
  warnings = [],
}: {
  form1: Form1;
  errors?: Issue[];
  warnings?: Issue[];
}) {
  const columns = form1Columns().filter((c) => !c.extra);
  const contacts = [form1.directorName, form1.phone, form1.email, form1.address].filter(Boolean).join(", ");
  const count = (k: keyof typeof FORM1_COUNT_LABELS) => (
    <td className={`${num} ${issueTone(`form1.${k}`, errors, warnings)}`}>{form1[k]}</td>
  );
  return (
    <div className="space-y-4">
      <ScrollRegion label="Форма 1">
        <table className="min-w-full border-collapse text-sm">
          <caption className="sr-only">Форма 1. {FORM_HEADINGS.form1}</caption>
          <FormHead columns={columns} />
          <tbody>
            <tr>
              <td className={cell}>{form1.municipality}</td>
              <td className={cell}>{form1.organisation}</td>
              <td className={cell}>{contacts || "—"}</td>
              {count("learners10to18")}
              {count("teachingStaff")}
              {count("youngTeachers")}
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <p className="text-xs text-slate-600">{AGE_NOTE}</p>
      <Table caption="Форма 1: куратор и документы">
        <tbody>
          <tr>
            <Th scope="row" className="w-1/2 bg-white font-normal">
              {FORM1_HEADINGS.curator}
            </Th>
            <Td>{form1.curatorName || "нет"}</Td>
          </tr>
          <tr>
            <Th scope="row" className="bg-white font-normal">
              {DOCUMENTS_GROUP}
            </Th>
            <Td>
              <Form1Documents documents={form1.documents} />
            </Td>
          </tr>
        </tbody>
      </Table>
    </div>
  );
}

/** Forms 2–5 and the appendix in the seed's layout: the organisation named once, «Итого, чел», the different people. */
export function FormTable({
  formKey,
  form,
  municipality,
  organisation,
  errors = [],
  warnings = [],
}: {
  formKey: ReportFormKey;
  form: ReportForm;
  municipality: string;
  organisation: string;
  errors?: Issue[];
  warnings?: Issue[];
}) {
  const columns = formColumns(formKey);
  const sums = rowSums(form);
  const young = form.rows.reduce((s, r) => s + (r.youngTeachers ?? 0), 0);
  const routes = form.rows.reduce((s, r) => s + (r.withRoute ?? 0), 0);
  const at = (i: number, f: string) => issueTone(`forms.${formKey}.rows.${i}.${f}`, errors, warnings);
  const total = (f: string) => issueTone(`forms.${formKey}.${f}`, errors, warnings);
  const n = form.rows.length;
  const wide = (id: string) => minWidth(columns.find((c) => c.id === id));
  /** The cells after the label of a total line, by column. */
  const tail = (values: Record<string, React.ReactNode>, tones: Record<string, string> = {}) =>
    columns.slice(3).map((c) => (
      <td key={c.id} className={`${c.numeric ? num : cell} ${tones[c.id] ?? ""}`}>
        {values[c.id]}
      </td>
    ));
  return (
    <ScrollRegion label={FORM_TITLES[formKey]}>
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">
          {FORM_TITLES[formKey]}. {FORM_HEADINGS[formKey]}
        </caption>
        <FormHead columns={columns} />
        <tbody>
          {n === 0 && (
            <tr>
              <td className={cell}>{municipality}</td>
              <td className={cell}>{organisation}</td>
              <td className={`${cell} text-slate-500`} colSpan={columns.length - 2}>
                Нет программ в этой форме за период.
              </td>
            </tr>
          )}
          {form.rows.map((r, i) => (
            <tr key={`${r.programmeId ?? "m"}-${i}`}>
              {i === 0 && (
                <>
                  <td className={cell} rowSpan={n}>
                    {municipality}
                  </td>
                  <td className={cell} rowSpan={n}>
                    {organisation}
                  </td>
                </>
              )}
              <td className={`${cell} ${wide("title")} ${at(i, "title")}`}>{r.title || "—"}</td>
              <td className={`${num} ${at(i, "mentors")}`}>{r.mentors}</td>
              {hasMentorDetails(formKey) && (
                <td className={`${cell} ${wide("mentorDetails")}`}>{r.mentorDetails || "—"}</td>
              )}
              <td className={`${num} ${at(i, "mentees")}`}>{r.mentees}</td>
              {formKey === "form3" && (
                <td className={`${num} ${at(i, "youngTeachers")}`}>{r.youngTeachers ?? 0}</td>
              )}
              {formKey === "form3" && <td className={`${num} ${at(i, "withRoute")}`}>{r.withRoute ?? 0}</td>}
              <td className={`${cell} ${wide("result")} ${at(i, "result")}`}>{r.result || "—"}</td>
            </tr>
          ))}
          <tr className="bg-slate-50 font-semibold">
            <th scope="row" colSpan={3} className={`${cell} text-left`}>
              {TOTAL_LABEL}
            </th>
            {tail({
              mentors: sums.mentors,
              mentees: sums.mentees,
              ...(formKey === "form3" ? { youngTeachers: young, withRoute: routes } : {}),
            })}
          </tr>
          <tr className="bg-slate-50">
            <th scope="row" colSpan={3} className={`${cell} text-left font-normal`}>
              {DISTINCT_LABEL}
            </th>
            {tail(
              { mentors: form.distinctMentors, mentees: form.distinctMentees },
              { mentors: total("distinctMentors"), mentees: total("distinctMentees") },
            )}
          </tr>
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The heading of a form: its number, and the seed's title with what else the form holds. */
export function FormHeading({ formKey, id }: { formKey: ReportFormKey; id?: string }) {
  return (
    <h3 id={id} className="mb-2">
      <span className="font-semibold">{FORM_TITLES[formKey]}.</span>{" "}
      <span className="text-slate-700">
        {FORM_HEADINGS[formKey]}
        {FORM_ALSO[formKey] ? `. ${FORM_ALSO[formKey]}` : ""}
      </span>
    </h3>
  );
}

export function FormsView({
  forms,
  municipality,
  organisation,
  errors,
  warnings,
}: {
  forms: ReportForms;
  municipality: string;
  organisation: string;
  errors?: Issue[];
  warnings?: Issue[];
}) {
  return (
    <div className="space-y-8">
      {FORM_KEYS.map((k) => (
        <section key={k} aria-labelledby={`h-${k}`} className="report-form">
          <FormHeading formKey={k} id={`h-${k}`} />
          <FormTable
            formKey={k}
            form={forms[k]}
            municipality={municipality}
            organisation={organisation}
            errors={errors}
            warnings={warnings}
          />
        </section>
      ))}
      <p className="text-xs text-slate-600">
        «{TOTAL_LABEL}» складывает строки программ, как в форме РНЦ: человек из двух программ учтён дважды.
        Строка «из них разных людей» считает каждого один раз — по ней считаются показатели.
      </p>
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
