import { FormHead } from "@/components/reports/form-head";
import {
  DISTINCT_LABEL,
  FORM_HEADINGS,
  formColumns,
  TOTAL_LABEL,
  type FormColumn,
} from "@/lib/reports/headings";
import { formatNumber } from "@/lib/format";
import { peopleCount, SMALL_COUNT } from "@/lib/public/privacy";
import type { PublicForm, PublicReport } from "@/lib/public/types";
import type { ReportFormKey } from "@/lib/reports/types";

const formName = (f: PublicForm) => (f.key === "other" ? f.subtitle : `${f.title}. ${f.subtitle}`);

/** Names of the school's report: the seed's first two columns. */
export interface ReportNames {
  municipality: string;
  organisation: string;
}

/**
 * The seed's columns of a form as published: counts, no mentors' workplaces or the app's extra columns (the
 * seed's blank form says plain «наставников» where the details are not given).
 */
function publicColumns(key: ReportFormKey): FormColumn[] {
  return formColumns(key)
    .filter((c) => c.id !== "mentorDetails" && !c.extra)
    .map((c) => (c.id === "mentors" ? { ...c, header: "наставников" } : c));
}

/**
 * «Итого» of a column as published: the exact sum would give away the rows shown as «менее 5», so with such rows
 * it says only that there are more than the other rows hold.
 */
export function publicSum(values: number[]): string {
  const shown = values.filter((v) => v >= SMALL_COUNT);
  if (shown.length === values.length) return peopleCount(values.reduce((a, b) => a + b, 0));
  const known = shown.reduce((a, b) => a + b, 0);
  return known > 0 ? `более ${formatNumber(known)}` : "—";
}

function FormTable({ form, period, names }: { form: PublicForm; period: string; names: ReportNames }) {
  const columns = publicColumns(form.key);
  const n = form.rows.length;
  const sum = (f: "mentors" | "mentees") => publicSum(form.rows.map((r) => r[f]));
  return (
    // A named, focusable region: a keyboard can scroll a table wider than the page (WCAG 2.1.1).
    <div className="pub-scroll" tabIndex={0} role="region" aria-label={`Таблица: ${formName(form)}`}>
      <table>
        <caption>
          {formName(form)} — {period}
          <br />
          <span className="pub-muted">{FORM_HEADINGS[form.key]}</span>
        </caption>
        <FormHead columns={columns} plain />
        <tbody>
          {form.rows.map((r, i) => (
            <tr key={i}>
              {i === 0 && (
                <>
                  <td rowSpan={n}>{names.municipality}</td>
                  <td rowSpan={n}>{names.organisation}</td>
                </>
              )}
              <th scope="row">{r.title}</th>
              <td className="num">{peopleCount(r.mentors)}</td>
              <td className="num">{peopleCount(r.mentees)}</td>
              <td>{r.result || "—"}</td>
            </tr>
          ))}
          <tr className="pub-total">
            <th scope="row" colSpan={3}>
              {TOTAL_LABEL}
            </th>
            <td className="num">{sum("mentors")}</td>
            <td className="num">{sum("mentees")}</td>
            <td />
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              {DISTINCT_LABEL}
            </th>
            <td className="num">{peopleCount(form.totalMentors)}</td>
            <td className="num">{peopleCount(form.totalMentees)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** One approved quarterly report: forms 2–5 and «прочие» as tables; forms without programmes in one line. */
export function ReportForms({ report, names }: { report: PublicReport; names: ReportNames }) {
  const filled = report.forms.filter((f) => f.rows.length > 0);
  const empty = report.forms.filter((f) => f.rows.length === 0);
  return (
    <>
      {filled.map((f) => (
        <FormTable key={f.key} form={f} period={report.label} names={names} />
      ))}
      {filled.length === 0 && <p>В отчёте нет программ наставничества.</p>}
      {empty.length > 0 && filled.length > 0 && (
        <p className="pub-muted">Без программ в этом периоде: {empty.map(formName).join("; ")}.</p>
      )}
    </>
  );
}

/** Reports as disclosure blocks: the first one open. */
export function ReportList({ reports, names }: { reports: PublicReport[]; names: ReportNames }) {
  return (
    <>
      {reports.map((r, i) => (
        <details key={r.id} open={i === 0}>
          <summary>
            <h3>Отчёт за {r.label}</h3>
          </summary>
          <ReportForms report={r} names={names} />
        </details>
      ))}
      <p className="pub-muted">
        «{TOTAL_LABEL}» складывает строки программ; в строке «из них разных людей» каждый человек учтён один
        раз.
      </p>
    </>
  );
}
