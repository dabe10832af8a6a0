/** Forms 1–5 of every organisation and quarter, computed from its registers as they were (mode "register"). */
import { computeForms, type CountPerson } from "@/lib/reports/counting";
import { quarterEnd, type Period } from "@/lib/reports/domain";
import { documentsComplete, requiredDocuments } from "@/lib/reports/form1";
import type { Form1, ReportForms, ReportSummary } from "@/lib/reports/types";
import type { DocumentRow, OrgRegisters } from "./rows";
import type { OrgPlan, Years } from "./territory";

export interface ComputedReport {
  period: Period;
  form1: Form1;
  forms: ReportForms;
  summary: ReportSummary;
  documentsComplete: boolean;
}

export function allPeriods(years: Years, current: Period): Period[] {
  const out: Period[] = [];
  for (let year = years.first; year <= current.year; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (year === current.year && quarter > current.quarter) break;
      out.push({ year, quarter });
    }
  }
  return out;
}

/**
 * Computes every quarter's forms; raises the organisation's form-1 figures of a year where the register
 * holds more involved people than the card (so that no report fails validation), card included.
 */
export function computeOrgReports(
  org: OrgPlan,
  reg: OrgRegisters,
  docs: DocumentRow[],
  periods: Period[],
  years: Years,
): ComputedReport[] {
  const persons = new Map<number, CountPerson>(
    reg.persons.map((p) => [
      p.id,
      {
        id: p.id,
        category: p.category,
        birthYear: p.birthYear ?? null,
        teachingSince: p.teachingSince ?? null,
        workplace: p.workplace ?? "",
        position: p.position ?? "",
        grade: p.grade ?? "",
      },
    ]),
  );
  const programmes = reg.programmes.map((p) => ({
    id: p.id,
    title: p.title,
    format: p.format,
    achievedResults: p.achievedResults ?? "",
  }));
  const mentorships = reg.mentorships.map((m) => ({
    programmeId: m.programmeId,
    mentorId: m.mentorId,
    menteeId: m.menteeId,
    entryDate: m.entryDate,
    endDate: m.endDate,
  }));
  const withRoute = new Set(reg.menteeProfiles.filter((p) => p.hasIndividualRoute).map((p) => p.personId));
  const computed = periods.map((period) => ({
    period,
    ...computeForms({ period, persons, programmes, mentorships, withRoute }),
  }));

  for (const c of computed) {
    const fig = org.figures.get(c.period.year)!;
    const s = c.summary;
    fig.learners = Math.max(fig.learners, s.learnersAny, s.learnerMentees, s.learnerMentors);
    fig.staff = Math.max(fig.staff, s.teachersAny, s.teacherMentors);
    fig.young = Math.min(fig.staff, Math.max(fig.young, s.youngTeacherMentees, s.youngTeachersWithRoute));
  }
  return computed.map((c) => {
    const until = quarterEnd(c.period) < years.today ? quarterEnd(c.period) : years.today;
    const documents = requiredDocuments(
      docs.map((d) => ({ id: d.id, type: d.type, number: d.number ?? "", date: d.date ?? null })),
      until,
    );
    const appointed = docs.some((d) => d.type === "curator_appointment" && d.date != null && d.date <= until);
    const fig = org.figures.get(c.period.year)!;
    const form1: Form1 = {
      municipality: org.muni.name,
      organisation: org.shortName,
      directorName: org.directorName,
      phone: org.phone,
      email: org.email,
      address: org.address,
      learners10to18: fig.learners,
      teachingStaff: fig.staff,
      youngTeachers: fig.young,
      curatorName: appointed ? org.curatorName : "",
      documents,
    };
    return { ...c, form1, documentsComplete: documentsComplete(documents) };
  });
}
