import { peopleCount } from "@/lib/public/privacy";
import type { PublicForm, PublicReport } from "@/lib/public/types";

const formName = (f: PublicForm) => (f.key === "other" ? f.subtitle : `${f.title}. ${f.subtitle}`);

function FormTable({ form, period }: { form: PublicForm; period: string }) {
  return (
    <div className="pub-scroll">
      <table>
        <caption>
          {formName(form)} — {period}
        </caption>
        <thead>
          <tr>
            <th scope="col">Наименование программы наставничества</th>
            <th scope="col" className="num">
              Наставников
            </th>
            <th scope="col" className="num">
              Наставляемых
            </th>
            <th scope="col">Результат программы</th>
          </tr>
        </thead>
        <tbody>
          {form.rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.title}</th>
              <td className="num">{peopleCount(r.mentors)}</td>
              <td className="num">{peopleCount(r.mentees)}</td>
              <td>{r.result || "—"}</td>
            </tr>
          ))}
          <tr className="pub-total">
            <th scope="row">Итого, чел. (без повторов)</th>
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
export function ReportForms({ report }: { report: PublicReport }) {
  const filled = report.forms.filter((f) => f.rows.length > 0);
  const empty = report.forms.filter((f) => f.rows.length === 0);
  return (
    <>
      {filled.map((f) => (
        <FormTable key={f.key} form={f} period={report.label} />
      ))}
      {filled.length === 0 && <p>В отчёте нет программ наставничества.</p>}
      {empty.length > 0 && filled.length > 0 && (
        <p className="pub-muted">Без программ в этом периоде: {empty.map(formName).join("; ")}.</p>
      )}
    </>
  );
}

/** Reports as disclosure blocks: the first one open. */
export function ReportList({ reports }: { reports: PublicReport[] }) {
  return (
    <>
      {reports.map((r, i) => (
        <details key={r.id} open={i === 0}>
          <summary>
            <h3>Отчёт за {r.label}</h3>
          </summary>
          <ReportForms report={r} />
        </details>
      ))}
    </>
  );
}
