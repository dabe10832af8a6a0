import { levelText } from "@/lib/practices/labels";
import { openPath, orgPath, withVi } from "@/lib/public/links";
import type { OpenPractice } from "@/lib/public/practices";
import { FORMAT_LABELS, type Format } from "@/lib/vocabulary";

/** The region's bank of best practices as open data: programmes and organisations only, no persons. */
export function OpenPracticesView({
  region,
  practices,
  vi,
}: {
  region: { name: string; code: string };
  practices: OpenPractice[];
  vi: boolean;
}) {
  return (
    <>
      <nav aria-label="Навигация по открытым данным" className="pub-toc">
        <ul>
          <li>
            <a href={withVi("/open", vi)}>Открытые данные</a>
          </li>
          <li>
            <a href={withVi(openPath(region.code), vi)}>{region.name}: показатели</a>
          </li>
        </ul>
      </nav>
      <h1>Банк лучших практик наставничества</h1>
      <p className="pub-lead">{region.name}</p>
      <p>
        Программы наставничества образовательных организаций, признанные лучшими практиками муниципальными
        координаторами (муниципальный уровень) или региональным наставническим центром (региональный уровень).
        Подробности — на странице организации.
      </p>
      {practices.length === 0 ? (
        <p>Лучшие практики пока не отмечены.</p>
      ) : (
        <>
          <p className="pub-muted">Практик: {practices.length}.</p>
          {practices.map((p) => (
            <article key={p.id} aria-labelledby={`practice-${p.id}`}>
              <h2 id={`practice-${p.id}`}>{p.title}</h2>
              <p className="pub-muted">
                <span className="pub-badge">{levelText(p.level)}</span> · признана в {p.year} г. ·{" "}
                <a href={withVi(orgPath(p.slug), vi)}>{p.organisation}</a>, {p.municipality}
              </p>
              <dl>
                <div>
                  <dt>Форма наставничества</dt>
                  <dd>«{FORMAT_LABELS[p.format as Format] ?? p.format}»</dd>
                </div>
                <div>
                  <dt>Ролевая модель</dt>
                  <dd>{p.roleModel || "—"}</dd>
                </div>
                <div>
                  <dt>Цель</dt>
                  <dd>{p.goal || "—"}</dd>
                </div>
                <div>
                  <dt>Результаты</dt>
                  <dd>{p.results || "—"}</dd>
                </div>
                {p.note && (
                  <div>
                    <dt>Чем ценна практика</dt>
                    <dd>{p.note}</dd>
                  </div>
                )}
              </dl>
            </article>
          ))}
        </>
      )}
    </>
  );
}
