/** Documents (the four required ones, the roadmap, the curator's appointment, pairs orders) and events. */
import { addDays, maxIso, minIso, randomDay, timeOn, ymd } from "./dates";
import type { Rng } from "./random";
import type { DocumentRow, EventRow, Ids } from "./rows";
import type { OdtParagraph } from "@/lib/files/odt";
import type { OrgPlan, Years } from "./territory";

export const REQUIRED_TYPES = [
  "model_introduction",
  "regulation_approval",
  "pairs_assignment",
  "personalised_programme",
] as const;
type DocType = DocumentRow["type"];

function academicYear(year: number) {
  return `${year}/${year + 1}`;
}

export function buildDocuments(rng: Rng, org: OrgPlan, years: Years, ids: Ids): DocumentRow[] {
  if (org.joinedYear == null) return [];
  const s = org.startDate;
  const y0 = org.joinedYear;
  // Lagging organisations: one or two of the required documents missing, or adopted a year or more late.
  const late = new Map<DocType, number | null>();
  if (org.lagging) {
    for (const type of rng.sample(REQUIRED_TYPES, rng.int(1, 2)))
      late.set(type, rng.chance(0.5) ? null : y0 + rng.int(1, 3));
  }
  const docs: { type: DocType; date: string; title: string }[] = [];
  const add = (type: DocType, date: string, title: string) => {
    if (!late.has(type)) return docs.push({ type, date, title });
    const year = late.get(type);
    if (year != null) docs.push({ type, date: ymd(year, rng.int(2, 11), rng.int(1, 28)), title });
  };
  const roadmapTo = Math.max(2024, y0 + 2);
  add("model_introduction", s, `О внедрении целевой модели наставничества в ${org.shortName}`);
  docs.push({
    type: "curator_appointment",
    date: addDays(s, rng.int(0, 3)),
    title: "О назначении куратора внедрения целевой модели наставничества",
  });
  add(
    "regulation_approval",
    addDays(s, rng.int(0, 20)),
    "Об утверждении Положения о системе наставничества педагогических работников и обучающихся",
  );
  docs.push({
    type: "roadmap",
    date: addDays(s, rng.int(0, 30)),
    title: `Об утверждении дорожной карты внедрения целевой модели наставничества на ${y0}–${roadmapTo} годы`,
  });
  add(
    "personalised_programme",
    addDays(s, rng.int(10, 60)),
    "Об утверждении персонализированной программы наставничества",
  );
  const firstPairs = addDays(s, rng.int(10, 40));
  const pairsFrom = late.has("pairs_assignment") ? late.get("pairs_assignment") : y0;
  if (pairsFrom != null) {
    if (pairsFrom === y0) {
      const y = Number(firstPairs.slice(0, 4)) - (firstPairs.slice(5, 7) < "08" ? 1 : 0);
      docs.push({
        type: "pairs_assignment",
        date: firstPairs,
        title: `О закреплении наставнических пар (групп) на ${academicYear(y)} учебный год`,
      });
    }
    const next = pairsFrom === y0 ? (firstPairs.slice(5, 7) >= "08" ? y0 + 1 : y0) : pairsFrom;
    for (let y = next; y <= years.current; y++) {
      docs.push({
        type: "pairs_assignment",
        date: ymd(y, 9, rng.int(1, 12)),
        title: `О закреплении наставнических пар (групп) на ${academicYear(y)} учебный год`,
      });
    }
  }
  docs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let number = rng.int(1, 30);
  let year = 0;
  return docs
    .filter((d) => d.date <= years.today)
    .map((d) => {
      const y = Number(d.date.slice(0, 4));
      if (y !== year) [year, number] = [y, rng.int(1, 30)];
      number += rng.int(1, 12);
      const at = timeOn(rng, d.date);
      return {
        id: ids.next("documents"),
        organisationId: org.id,
        type: d.type,
        number: `${number}-од`,
        date: d.date,
        title: d.title,
        fileId: null,
        inForce: true,
        public: true,
        createdAt: at,
        updatedAt: at,
      };
    });
}

const EVENTS: [string, string][] = [
  [
    "Педагогический совет «Наставничество как ресурс развития»",
    "Обсудили итоги работы наставнических пар за полугодие и планы на следующий период.",
  ],
  [
    "Фестиваль наставнических практик",
    "Наставники и наставляемые представили совместные проекты; лучшие практики предложены в муниципальный банк.",
  ],
  [
    "Круглый стол «Наставник и молодой педагог: первый год вместе»",
    "Молодые специалисты рассказали о трудностях первого года и о том, чем помогли наставники.",
  ],
  [
    "Открытый урок молодого специалиста",
    "Молодой педагог провёл открытый урок; наставник и коллеги дали обратную связь.",
  ],
  [
    "Встреча с представителями предприятий",
    "Обучающиеся познакомились с профессиями предприятий территории и записались на профессиональные пробы.",
  ],
  [
    "Конкурс «Лучший наставник года»",
    "Подведены итоги внутреннего этапа конкурса; победители выдвинуты на муниципальный этап.",
  ],
  ["Неделя наставничества", "Прошли мастер-классы, квесты и встречи наставнических пар."],
  [
    "Заседание совета наставников",
    "Утверждён план работы на учебный год, сформированы наставнические пары и группы.",
  ],
  [
    "Вручение благодарственных писем наставникам",
    "Директор вручил благодарственные письма наставникам по итогам учебного года.",
  ],
  [
    "Тренинг «Как стать хорошим наставником»",
    "Будущие наставники из числа обучающихся прошли тренинг по коммуникации.",
  ],
  [
    "Публичная защита проектов наставляемых",
    "Наставляемые представили проекты, подготовленные вместе с наставниками.",
  ],
  [
    "Методический день «Цифровые инструменты педагога»",
    "Наставники показали коллегам сервисы для подготовки уроков и проверки работ.",
  ],
];

export function buildEvents(rng: Rng, org: OrgPlan, years: Years, ids: Ids): EventRow[] {
  if (org.joinedYear == null) return [];
  const out: EventRow[] = [];
  for (let y = org.joinedYear; y <= years.current; y++) {
    const lo = maxIso(ymd(y, 1, 10), addDays(org.startDate, 14));
    const hi = minIso(ymd(y, 12, 25), years.today);
    if (lo > hi) continue;
    const dates = Array.from({ length: rng.int(2, 4) }, () => randomDay(rng, lo, hi)).sort();
    for (const [k, date] of dates.entries()) {
      const [title, text] = EVENTS[(rng.int(0, EVENTS.length - 1) + k) % EVENTS.length];
      const at = timeOn(rng, date);
      out.push({
        id: ids.next("events"),
        organisationId: org.id,
        date,
        title,
        text,
        public: true,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return out;
}

const ORDER_BODY: Record<DocType, string[]> = {
  model_introduction: [
    "1. Внедрить целевую модель наставничества в организации.",
    "2. Утвердить состав рабочей группы по внедрению целевой модели наставничества.",
  ],
  curator_appointment: ["1. Назначить куратора внедрения целевой модели наставничества в организации."],
  regulation_approval: [
    "1. Утвердить Положение о системе наставничества педагогических работников и обучающихся (приложение).",
  ],
  roadmap: ["1. Утвердить дорожную карту внедрения целевой модели наставничества (приложение)."],
  personalised_programme: ["1. Утвердить персонализированную программу наставничества (приложение)."],
  pairs_assignment: [
    "1. Закрепить наставнические пары (группы) согласно приложению.",
    "2. Наставникам разработать индивидуальные планы развития наставляемых.",
  ],
  other: ["1. Принять к исполнению."],
};

/** The text of a demo order, as a school would upload it: the organisation, number and date, title, body. */
export function orderParagraphs(org: OrgPlan, doc: DocumentRow): OdtParagraph[] {
  const [y, m, d] = (doc.date ?? "").split("-");
  return [
    { text: org.fullName, style: "center" },
    { text: "ПРИКАЗ", style: "title" },
    { text: `от ${d}.${m}.${y} № ${doc.number}`, style: "center" },
    { text: doc.title, style: "heading" },
    {
      text: "В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися» ПРИКАЗЫВАЮ:",
    },
    ...ORDER_BODY[doc.type].map((text) => ({ text })),
    { text: "Контроль за исполнением приказа оставляю за собой." },
    { text: `Директор ______________ ${org.directorName}`, style: "right" },
    { text: "Демонстрационный документ «Наставника»: организация и лица вымышлены.", style: "note" },
  ];
}
