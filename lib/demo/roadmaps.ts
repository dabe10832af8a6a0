/**
 * Roadmaps («План мероприятий (дорожная карта)», seed 001) of the region, its municipalities and most of its
 * organisations, dated from each one's start: what is past its due is mostly done (with the document of the
 * register as its result), lagging ones keep some items open, and those are overdue by the demo's today.
 */
import { dueEnd } from "@/lib/roadmap/domain";
import { addDays, maxIso, minIso, ymd } from "./dates";
import type { Rng } from "./random";
import type { DocumentRow, Ids } from "./rows";
import type { MuniPlan, OrgPlan, Territory, Years } from "./territory";

export interface RoadmapRow {
  id: number;
  regionId: number;
  municipalityId: number | null;
  organisationId: number | null;
  position: number;
  isSection: boolean;
  title: string;
  dueDate: string | null;
  duePrecision: "day" | "month" | null;
  dueNote: string;
  responsible: string;
  result: string;
  status: "planned" | "in_progress" | "done" | "failed";
  doneDate: string | null;
  documentId: number | null;
  resultUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type DocType = DocumentRow["type"];
interface Plan {
  section?: string;
  title?: string;
  /** A month's first day, or a day; `note` alone for «по отдельному графику». */
  month?: string;
  day?: string;
  note?: string;
  responsible?: string;
  result?: string;
  doc?: { type: DocType; year?: number };
}

const month = (iso: string) => `${iso.slice(0, 7)}-01`;
const monthsAfter = (iso: string, n: number) => {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + n;
  return ymd(y + Math.floor(m / 12), (m % 12) + 1, 1);
};

function organisationPlan(org: OrgPlan, years: Years): Plan[] {
  const s = org.startDate;
  const y0 = org.joinedYear!;
  const out: Plan[] = [
    { section: "Нормативно-правовое обеспечение внедрения целевой модели наставничества в ОО" },
    {
      title: "Издание распорядительного акта о внедрении целевой модели наставничества в ОО",
      month: month(s),
      responsible: "Директор",
      result: "Приказ о внедрении целевой модели наставничества",
      doc: { type: "model_introduction" },
    },
    {
      title: "Назначение куратора внедрения целевой модели наставничества в ОО",
      month: month(s),
      responsible: "Директор",
      result: "Приказ о назначении куратора",
      doc: { type: "curator_appointment" },
    },
    {
      title:
        "Разработка «Положения о системе наставничества педагогических работников и обучающихся в ОО», дорожной карты, программы наставничества",
      month: monthsAfter(s, 1),
      responsible: "Куратор, методическое объединение",
      result: "Положение о системе наставничества и дорожная карта, приказ об их утверждении",
      doc: { type: "regulation_approval" },
    },
    { section: "Формирование баз наставников и наставляемых" },
    {
      title: `Формирование базы наставляемых в ${y0}–${y0 + 1} уч. г.`,
      month: monthsAfter(s, 1),
      responsible: "Куратор",
      result: "База наставляемых с перечнем запросов",
    },
    {
      title: `Формирование базы наставников в ${y0}–${y0 + 1} уч. г.`,
      month: monthsAfter(s, 1),
      responsible: "Куратор",
      result: "База наставников с перечнем компетенций",
    },
    {
      title: "Организация персонифицированного учёта наставников и наставляемых",
      month: monthsAfter(s, 2),
      responsible: "Куратор",
      result: "Сформированы первичные данные для оценки вовлечённости обучающихся в формы наставничества",
    },
    { section: "Внедрение целевой модели наставничества в ОО" },
    {
      title: "Разработка персонализированных программ наставничества",
      month: monthsAfter(s, 2),
      responsible: "Наставники, куратор",
      result: "Персонализированные программы наставничества",
      doc: { type: "personalised_programme" },
    },
    {
      title: "Обучение наставников",
      note: "по отдельному плану",
      responsible: "Куратор, муниципальный методический центр",
      result: "Проведённые методические семинары по запросам наставников",
    },
  ];
  for (let y = y0; y <= years.current; y++)
    out.push({
      title: `Формирование наставнических пар (групп) на ${y}/${y + 1} учебный год`,
      month: ymd(y, 9, 1),
      responsible: "Куратор",
      result: "Приказ о закреплении наставнических пар",
      doc: { type: "pairs_assignment", year: y },
    });
  out.push({ section: "Мониторинг и оценка результатов внедрения целевой модели наставничества" });
  for (let y = y0 + 1; y <= years.current + 1; y++)
    out.push({
      title: `Внутренний мониторинг реализации и эффективности программ наставничества за ${y - 1}/${y} учебный год`,
      month: ymd(y, 5, 1),
      responsible: "Куратор",
      result: "Аналитическая справка муниципальному координатору",
    });
  out.push({
    title: "Размещение материалов в разделе «Наставничество» на сайте ОО",
    note: "в течение года",
    responsible: "Куратор, ответственный за сайт",
    result: "Актуальный раздел «Наставничество» на сайте",
  });
  return out;
}

/** Seed 001's own table, a municipality's, with the demo's years. */
function municipalityPlan(m: MuniPlan, years: Years): Plan[] {
  const y = years.first;
  const dept = "Управление образования";
  const centre = "Муниципальный методический центр";
  const out: Plan[] = [
    { section: "Нормативно-правовое регулирование внедрения муниципальной целевой модели наставничества" },
    {
      title: `Издание распорядительного акта об организации работы по внедрению муниципальной целевой модели наставничества в ОО ${m.genitive}`,
      month: ymd(y, 9, 1),
      responsible: dept,
      result: "Приказ «Об организации работы по внедрению муниципальной целевой модели наставничества»",
    },
    {
      title: "Утверждение Положения о муниципальной целевой модели наставничества",
      month: ymd(y, 9, 1),
      responsible: dept,
      result: "Приказ, положение",
    },
    {
      title: "Назначение кураторов внедрения целевой модели наставничества в ОО",
      month: ymd(y, 9, 1),
      responsible: "ОО",
      result: "Приказы о назначении кураторов в ОО",
    },
    {
      title:
        "Разработка «Положения о системе наставничества педагогических работников и обучающихся в ОО», дорожной карты, программы наставничества",
      month: ymd(y, 10, 1),
      responsible: "ОО",
      result: "Положения и дорожные карты в ОО",
    },
    {
      section:
        "Организационная, методическая, экспертно-консультационная и информационная поддержка участников внедрения",
    },
    {
      title: "Проведение семинаров для участников внедрения целевой модели наставничества",
      note: "по отдельному графику",
      responsible: `${centre}, ОО`,
      result: "Проведение семинаров",
    },
    {
      title:
        "Формирование и актуализация муниципальной базы кураторов внедрения целевой модели наставничества",
      note: "в течение всего периода",
      responsible: centre,
      result: "Муниципальная база кураторов",
    },
    { section: "Дополнительное профессиональное образование наставников и кураторов" },
    {
      title:
        "Разработка муниципальной программы повышения педагогического мастерства кураторов и наставников",
      month: ymd(y + 1, 4, 1),
      note: `март–апрель ${y + 1} г.`,
      responsible: centre,
      result: "Муниципальная программа повышения мастерства",
    },
    { section: "Мониторинг и оценка результатов внедрения целевой модели наставничества" },
  ];
  for (let k = y; k <= years.current; k++) {
    out.push({
      title: `Муниципальный мониторинг состояния внедрения и реализации целевой модели наставничества в ОО за ${k} год`,
      month: ymd(k + 1, 1, 1),
      responsible: "Муниципальный координатор",
      result: "Сводные формы 1–5 за IV квартал, аналитическая справка",
    });
    out.push({
      title: `Анализ результатов муниципального мониторинга за ${k} год`,
      month: ymd(k + 1, 2, 1),
      responsible: centre,
      result: "Аналитическая справка",
    });
  }
  return out;
}

function regionPlan(years: Years): Plan[] {
  const y = years.first;
  const out: Plan[] = [
    { section: "Нормативное обеспечение региональной целевой модели наставничества" },
    {
      title:
        "Приказ министерства об организации работы по внедрению региональной целевой модели наставничества",
      month: ymd(y, 7, 1),
      responsible: "Министерство образования",
      result: "Приказ министерства",
    },
    {
      title: `Утверждение плановых значений показателей внедрения на ${y}–2024 годы`,
      month: ymd(y, 8, 1),
      responsible: "Министерство образования, РНЦ",
      result: "Плановые значения показателей 1–7, Н1, Н2",
    },
    { section: "Методическое сопровождение муниципалитетов и организаций" },
  ];
  for (let k = y; k <= years.current; k++)
    out.push({
      title: `Региональный семинар для муниципальных координаторов и кураторов ОО (${k}/${k + 1} уч. г.)`,
      month: ymd(k, 10, 1),
      responsible: "Региональный наставнический центр",
      result: "Материалы семинара на сайте РНЦ",
    });
  out.push({ section: "Мониторинг внедрения целевой модели наставничества в регионе" });
  for (let k = y; k <= years.current; k++)
    out.push({
      title: `Региональный мониторинг внедрения целевой модели наставничества за ${k} год`,
      month: ymd(k + 1, 3, 1),
      responsible: "Региональный наставнический центр",
      result: "Аналитический доклад министерству",
    });
  return out;
}

interface Owner {
  regionId: number;
  municipalityId: number | null;
  organisationId: number | null;
  /** Share of past-due items left open (overdue). */
  laggard: number;
  docs?: DocumentRow[];
}

function build(rng: Rng, plans: Plan[], owner: Owner, years: Years, ids: Ids, created: string): RoadmapRow[] {
  const today = years.today;
  return plans.map((p, i) => {
    const base = {
      id: ids.next("roadmap_items"),
      regionId: owner.regionId,
      municipalityId: owner.municipalityId,
      organisationId: owner.organisationId,
      position: i + 1,
      createdAt: new Date(`${created}T08:00:00Z`),
      updatedAt: new Date(`${created}T08:00:00Z`),
      resultUrl: null,
    };
    if (p.section)
      return {
        ...base,
        isSection: true,
        title: p.section,
        dueDate: null,
        duePrecision: null,
        dueNote: "",
        responsible: "",
        result: "",
        status: "planned",
        doneDate: null,
        documentId: null,
      };
    const dueDate = p.day ?? p.month ?? null;
    const duePrecision = p.day ? "day" : p.month ? "month" : null;
    const end = dueDate ? dueEnd(dueDate, duePrecision!) : null;
    const doc = p.doc
      ? owner.docs?.find(
          (d) => d.type === p.doc!.type && (p.doc!.year == null || d.date?.startsWith(String(p.doc!.year))),
        )
      : undefined;
    let status: RoadmapRow["status"] = "planned";
    let doneDate: string | null = null;
    if (!end) status = "in_progress";
    else if (end < today) {
      const missingDoc = p.doc && !doc;
      const roll = rng.next();
      if (missingDoc || roll < owner.laggard) status = rng.chance(0.5) ? "in_progress" : "planned";
      else if (roll < owner.laggard + 0.02) status = "failed";
      else {
        status = "done";
        doneDate =
          doc?.date && doc.date <= today
            ? doc.date
            : maxIso(dueDate!, minIso(addDays(end, -rng.int(0, 20)), today));
      }
    } else if (addDays(today, 60) >= dueDate!) status = rng.chance(0.6) ? "in_progress" : "planned";
    return {
      ...base,
      isSection: false,
      title: p.title!,
      dueDate,
      duePrecision,
      dueNote: p.note ?? "",
      responsible: p.responsible ?? "",
      result: p.result ?? "",
      status,
      doneDate,
      documentId: status === "done" && doc ? doc.id : null,
    };
  });
}

/** Every roadmap of the demo region: the region's, each municipality's, and four organisations in five's. */
export function buildRoadmaps(
  rng: Rng,
  t: Territory,
  years: Years,
  ids: Ids,
  docsByOrg: Map<number, DocumentRow[]>,
): RoadmapRow[] {
  const out: RoadmapRow[] = [];
  const start = ymd(years.first, 7, 1);
  out.push(
    ...build(
      rng.fork("region"),
      regionPlan(years),
      { regionId: t.region.id, municipalityId: null, organisationId: null, laggard: 0.05 },
      years,
      ids,
      start,
    ),
  );
  for (const m of t.munis)
    out.push(
      ...build(
        rng.fork("muni", m.id),
        municipalityPlan(m, years),
        {
          regionId: t.region.id,
          municipalityId: m.id,
          organisationId: null,
          laggard: m.lagging ? 0.3 : 0.06,
        },
        years,
        ids,
        start,
      ),
    );
  for (const org of t.orgs) {
    if (org.joinedYear == null) continue;
    const r = rng.fork("org", org.index);
    if (org.id !== t.curatorOrg.id && r.chance(0.2)) continue;
    out.push(
      ...build(
        r,
        organisationPlan(org, years),
        {
          regionId: t.region.id,
          municipalityId: null,
          organisationId: org.id,
          laggard: org.lagging ? 0.35 : 0.08,
          docs: docsByOrg.get(org.id),
        },
        years,
        ids,
        org.startDate,
      ),
    );
  }
  return out;
}
