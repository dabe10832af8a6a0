import { formatDate } from "@/lib/format";
import type { PublicDocument, PublicOrg } from "@/lib/public/types";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Раздел 1: the documents in force that the organisation published, and its curator. */
export function DocumentsSection({
  org,
  documents,
  newTab,
}: {
  org: PublicOrg;
  documents: PublicDocument[];
  /** In an embed, files open in a new tab rather than inside the iframe. */
  newTab: boolean;
}) {
  const contact = org.curatorContact.trim();
  return (
    <section aria-labelledby="normative">
      <h2 id="normative">1. Нормативно-правовое обеспечение</h2>
      {documents.length === 0 ? (
        <p>Документы пока не опубликованы.</p>
      ) : (
        <div className="pub-scroll" tabIndex={0} role="region" aria-label="Таблица: документы организации">
          <table>
            <caption>Документы организации, действующие сейчас</caption>
            <thead>
              <tr>
                <th scope="col">Наименование</th>
                <th scope="col">Вид документа</th>
                <th scope="col">Номер</th>
                <th scope="col">Дата</th>
                <th scope="col">Файл</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.title}</th>
                  <td>{d.typeLabel}</td>
                  <td className="pub-nowrap">{d.number ? `№ ${d.number}` : "б/н"}</td>
                  <td className="num">{formatDate(d.date)}</td>
                  <td className="pub-nowrap">
                    {d.fileId ? (
                      <a
                        href={`/api/files/${d.fileId}`}
                        target={newTab ? "_blank" : undefined}
                        rel={newTab ? "noopener" : undefined}
                      >
                        Открыть<span className="pub-sr"> файл документа «{d.title}»</span>
                      </a>
                    ) : (
                      "нет файла"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Куратор внедрения целевой модели наставничества</h3>
      {org.curatorName ? <p>{org.curatorName}</p> : <p>Куратор не указан.</p>}
      {contact && (
        <p>Как связаться: {EMAIL.test(contact) ? <a href={`mailto:${contact}`}>{contact}</a> : contact}</p>
      )}
    </section>
  );
}
