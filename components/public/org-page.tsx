import { withVi } from "@/lib/public/links";
import type { OrgPublicData, PublicOrg, PublicReport } from "@/lib/public/types";
import { DocumentsSection } from "./documents-section";
import { EventsSection } from "./events-section";
import { MonitoringSection } from "./monitoring-section";
import { ProgrammesSection } from "./programmes-section";
import { ReportList } from "./report-forms";

const SECTIONS = [
  ["normative", "Нормативно-правовое обеспечение"],
  ["analysis", "Анализ наставнических практик"],
  ["practices", "Наставнические практики"],
  ["events", "Мероприятия"],
  ["monitoring", "Мониторинг"],
] as const;

/** The municipality and organisation as the report forms name them. */
const reportNames = (org: PublicOrg) => ({
  municipality: org.municipality.name,
  organisation: org.shortName,
});

function OrgHeading({ org, title }: { org: PublicOrg; title: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="pub-lead">
        {org.fullName} · {org.municipality.name}
      </p>
    </>
  );
}

/**
 * The five sections of seed 002 («Структура вкладки "Внедрение целевой модели наставничества" на сайтах ОО»).
 * `base` is the page's own address (/org/… or /embed/org/…); `charts` fills the monitoring section's chart slot.
 */
export function OrgContent({
  data,
  vi,
  base,
  embed = false,
  charts,
}: {
  data: OrgPublicData;
  vi: boolean;
  base: string;
  embed?: boolean;
  charts?: React.ReactNode;
}) {
  const { org } = data;
  return (
    <>
      <OrgHeading org={org} title="Внедрение целевой модели наставничества" />
      <nav aria-label="Разделы страницы" className="pub-toc">
        <ul>
          {SECTIONS.map(([id, label], i) => (
            <li key={id}>
              <a href={`#${id}`}>
                {i + 1}. {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <DocumentsSection org={org} documents={data.documents} newTab={embed} />
      <section aria-labelledby="analysis">
        <h2 id="analysis">2. Анализ наставнических практик</h2>
        {data.reports.length === 0 ? (
          <p>Принятых квартальных отчётов пока нет.</p>
        ) : (
          <>
            <p className="pub-muted">
              Квартальные отчёты по формам наставничества, принятые муниципальным координатором. Численность —
              с начала года.
            </p>
            <ReportList reports={data.reports} names={reportNames(org)} />
            {data.reportsTotal > data.reports.length && (
              <p>
                <a href={withVi(`${base}/reports`, vi)}>Все принятые отчёты ({data.reportsTotal})</a>
              </p>
            )}
          </>
        )}
      </section>
      <ProgrammesSection programmes={data.programmes} />
      <EventsSection events={data.events} total={data.eventsTotal} />
      <MonitoringSection indicators={data.indicators} byFormat={data.byFormat} charts={charts} />
    </>
  );
}

/** Every approved report of the organisation, the latest first. */
export function ReportArchive({
  org,
  reports,
  backHref,
}: {
  org: PublicOrg;
  reports: PublicReport[];
  backHref: string;
}) {
  return (
    <>
      <OrgHeading org={org} title="Анализ наставнических практик: все принятые отчёты" />
      <p>
        <a href={backHref}>← К разделу «Наставничество» организации</a>
      </p>
      <h2>Квартальные отчёты по формам наставничества</h2>
      {reports.length === 0 ? (
        <p>Принятых квартальных отчётов пока нет.</p>
      ) : (
        <ReportList reports={reports} names={reportNames(org)} />
      )}
    </>
  );
}
