import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { ScopedOrg } from "@/lib/auth/scoped";
import { documents, mentorships, municipalities, organisations, persons, programmes } from "@/db/schema";
import { todayIn } from "@/lib/clock";
import { regionZone } from "@/lib/territory/clock";
import { computeForms, type CountPerson } from "./counting";
import { quarterEnd, type Period } from "./domain";
import { documentsComplete, requiredDocuments } from "./form1";
import type { Form1, ReportForms, ReportSummary } from "./types";

/**
 * Forms 2–5, the appendix and the summary of an organisation for a period, from its registers now. Counts only,
 * no names: whoever may view the organisation's reports may see them.
 */
export async function computeFromRegisters(
  db: DbOrTx,
  org: ScopedOrg,
  period: Period,
): Promise<{ forms: ReportForms; summary: ReportSummary }> {
  const organisationId = org.id;
  const [people, progs, pairs] = await Promise.all([
    countedPeople(db, organisationId),
    db
      .select({
        id: programmes.id,
        title: programmes.title,
        format: programmes.format,
        achievedResults: programmes.achievedResults,
      })
      .from(programmes)
      .where(and(eq(programmes.organisationId, organisationId), eq(programmes.archived, false))),
    db
      .select({
        programmeId: mentorships.programmeId,
        mentorId: mentorships.mentorId,
        menteeId: mentorships.menteeId,
        entryDate: mentorships.entryDate,
        endDate: mentorships.endDate,
      })
      .from(mentorships)
      .where(and(eq(mentorships.organisationId, organisationId), eq(mentorships.archived, false))),
  ]);
  // Archived persons stay: their participation in past quarters still counts; archived pairs were entered in error.
  const map = new Map<number, CountPerson>(people.map((p) => [p.id, p]));
  return computeForms({
    period,
    persons: map,
    programmes: progs,
    mentorships: pairs,
    withRoute: new Set(people.filter((p) => p.hasRoute).map((p) => p.id)),
  });
}

/** The organisation's people as the forms count them, each with whether an individual route is set. */
export function countedPeople(db: DbOrTx, organisationId: number) {
  return db
    .select({
      id: persons.id,
      category: persons.category,
      birthYear: persons.birthYear,
      teachingSince: persons.teachingSince,
      workplace: persons.workplace,
      position: persons.position,
      grade: persons.grade,
      // A subquery per person on the questionnaire's key, not a join: PostgreSQL joined every mentee's
      // questionnaire of the country by hash to find this school's few routes (region set: 34 ms against 1).
      hasRoute: sql<
        boolean | null
      >`(select mp.has_individual_route from mentee_profiles mp where mp.person_id = "persons"."id")`,
    })
    .from(persons)
    .where(eq(persons.organisationId, organisationId));
}

/**
 * The organisation's documents marked in force and not archived: what form 1 and the curator's checklist both
 * judge the required documents from (lib/reports/form1.ts's requiredDocuments, one rule).
 */
export function inForceDocuments(db: DbOrTx, org: ScopedOrg) {
  return db
    .select({ id: documents.id, type: documents.type, number: documents.number, date: documents.date })
    .from(documents)
    .where(
      and(eq(documents.organisationId, org.id), eq(documents.inForce, true), eq(documents.archived, false)),
    );
}

/** Form 1's required documents in force at the period's end, or today while the period runs. */
function documentsAsOf(docs: Awaited<ReturnType<typeof inForceDocuments>>, period: Period, today: string) {
  const end = quarterEnd(period);
  return requiredDocuments(docs, end < today ? end : today);
}

/** Form 1's documents block alone (the report page of a draft: the rest of form 1 is the report's own). */
export async function form1Documents(db: DbOrTx, org: ScopedOrg, period: Period, today: string) {
  return documentsAsOf(await inForceDocuments(db, org), period, today);
}

/** Form 1 pre-filled from the organisation's card, curator and document register as of the period's end. */
export async function buildForm1(
  db: DbOrTx,
  org: ScopedOrg,
  period: Period,
): Promise<{ form1: Form1; documentsComplete: boolean }> {
  const organisationId = org.id;
  const [[card], docs, zone] = await Promise.all([
    db
      .select({ o: organisations, municipality: municipalities.name })
      .from(organisations)
      .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(eq(organisations.id, organisationId)),
    inForceDocuments(db, org),
    regionZone(db, org.regionId),
  ]);
  const docsBlock = documentsAsOf(docs, period, todayIn(zone));
  const o = card.o;
  return {
    form1: {
      municipality: card.municipality,
      organisation: o.shortName,
      directorName: o.directorName,
      phone: o.phone,
      email: o.email,
      address: o.address,
      learners10to18: o.learners10to18,
      teachingStaff: o.teachingStaff,
      youngTeachers: o.youngTeachers,
      curatorName: o.curatorName,
      documents: docsBlock,
    },
    documentsComplete: documentsComplete(docsBlock),
  };
}
