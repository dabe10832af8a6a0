import { formatDate } from "@/lib/format";
import { peopleCount } from "@/lib/public/privacy";
import type { PublicProgramme } from "@/lib/public/types";

function Programme({ p }: { p: PublicProgramme }) {
  const rows: [string, React.ReactNode][] = [
    ["Форма наставничества", `«${p.formatLabel}»`],
    ["Ролевая модель", p.roleModel || "—"],
    ["Цель", p.goal || "—"],
    ["Этап", p.stageLabel],
    ["Сроки", `${formatDate(p.startDate)} — ${p.endDate ? formatDate(p.endDate) : "по настоящее время"}`],
    ["Наставников", peopleCount(p.mentors)],
    ["Наставляемых", peopleCount(p.mentees)],
  ];
  if (p.mentorNames.length > 0) rows.push(["Наставники", p.mentorNames.join(", ")]);
  if (p.expectedResults) rows.push(["Ожидаемые результаты", p.expectedResults]);
  if (p.achievedResults) rows.push(["Достигнутые результаты", p.achievedResults]);
  // One line per programme, the details on demand (no script needed); best practices open.
  return (
    <details open={p.bestPractice} aria-labelledby={`programme-${p.id}`}>
      <summary>
        <h3 id={`programme-${p.id}`}>{p.title}</h3>
        {p.bestPractice && <span className="pub-badge">Лучшая практика</span>}
        <span className="pub-muted">
          {" "}
          · «{p.formatLabel}» · {p.stageLabel} · наставников: {peopleCount(p.mentors)}, наставляемых:{" "}
          {peopleCount(p.mentees)}
        </span>
      </summary>
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Раздел 3: the programmes, best practices first; mentors named only where they allowed it. */
export function ProgrammesSection({ programmes }: { programmes: PublicProgramme[] }) {
  return (
    <section aria-labelledby="practices">
      <h2 id="practices">3. Наставнические практики</h2>
      {programmes.length === 0 ? (
        <p>Программы наставничества пока не опубликованы.</p>
      ) : (
        <>
          <p className="pub-muted">
            Программ: {programmes.length}. Численность — наставники и наставляемые без повторов по действующим
            и завершённым парам программы.
          </p>
          {programmes.map((p) => (
            <Programme key={p.id} p={p} />
          ))}
        </>
      )}
    </section>
  );
}
