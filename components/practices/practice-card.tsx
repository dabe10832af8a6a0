"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import { levelText } from "@/lib/practices/labels";
import type { BankPractice } from "@/lib/practices/queries";
import { orgPath } from "@/lib/public/links";
import { FORMAT_LABELS } from "@/lib/vocabulary";

/**
 * One practice of the bank: the programme, its results, the organisation's documents and public contacts. A
 * client component: a page of cards sends each practice once, as its data, rather than its markup a second time
 * in the RSC payload.
 */
export function PracticeCard({ p, programmeHref }: { p: BankPractice; programmeHref: string | null }) {
  const o = p.organisation;
  const results = p.achievedResults || p.expectedResults;
  const contacts = [o.phone, o.email, o.curatorContact].filter(Boolean);
  return (
    <article
      aria-labelledby={`practice-${p.id}`}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={`practice-${p.id}`} className="text-lg font-semibold text-slate-900">
          {p.title}
        </h2>
        <div className="flex gap-2">
          <Badge tone={p.level === "regional" ? "blue" : "green"}>{levelText(p.level)}</Badge>
          <Badge>{p.year}</Badge>
        </div>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {o.shortName} · {p.municipality} · «{FORMAT_LABELS[p.format]}»{p.roleModel ? ` · ${p.roleModel}` : ""}{" "}
        · {formatDate(p.startDate)} — {p.endDate ? formatDate(p.endDate) : "по настоящее время"}
      </p>
      <dl className="mt-3 grid gap-3 text-sm md:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-800">Цель</dt>
          <dd className="text-slate-700">{p.goal || "—"}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-800">
            {p.achievedResults ? "Достигнутые результаты" : "Ожидаемые результаты"}
          </dt>
          <dd className="text-slate-700">{results || "—"}</dd>
        </div>
        {p.note && (
          <div className="md:col-span-2">
            <dt className="font-medium text-slate-800">Чем ценна практика</dt>
            <dd className="text-slate-700">{p.note}</dd>
          </div>
        )}
        <div>
          <dt className="font-medium text-slate-800">Документы организации</dt>
          <dd className="text-slate-700">
            {p.documents.length === 0 ? (
              "не опубликованы"
            ) : (
              <ul className="list-inside list-disc">
                {p.documents.map((d) => (
                  <li key={d.id}>
                    {d.fileId ? (
                      <a href={`/api/files/${d.fileId}`} className="text-brand-700 underline">
                        {d.title}
                      </a>
                    ) : (
                      d.title
                    )}
                    <span className="text-slate-500">
                      {" "}
                      — {d.type.toLowerCase()}
                      {d.number ? `, № ${d.number}` : ""}
                      {d.date ? ` от ${formatDate(d.date)}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {p.moreDocuments > 0 && (
              <p>
                Ещё {p.moreDocuments} — на{" "}
                <a href={`${orgPath(o.slug)}#normative`} className="text-brand-700 underline">
                  странице организации
                </a>
                .
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-800">Контакты школы</dt>
          <dd className="text-slate-700">
            {o.curatorName && <span className="block">Куратор: {o.curatorName}</span>}
            {contacts.length > 0 && <span className="block">{contacts.join(" · ")}</span>}
            {o.address && <span className="block">{o.address}</span>}
            {o.website && (
              <a href={o.website} className="text-brand-700 block hover:underline" rel="noopener">
                {o.website}
              </a>
            )}
            <a href={orgPath(o.slug)} className="text-brand-700 block hover:underline">
              Страница «Наставничество»
            </a>
          </dd>
        </div>
      </dl>
      {programmeHref && (
        <p className="mt-3 text-sm">
          <Link href={programmeHref} className="text-brand-700 hover:underline">
            Открыть программу
          </Link>
        </p>
      )}
    </article>
  );
}
