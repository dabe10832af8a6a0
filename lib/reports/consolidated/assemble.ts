/** Groups the reports by municipality and organisation and adds the «Итого, чел» of every level. Pure. */
import type { ReportFormKey, ReportRow } from "../types";
import type {
  ConsolidatedForm,
  ConsolidatedForm1,
  Form1Counts,
  Form1Group,
  MunicipalityGroup,
  OrganisationGroup,
  Pair,
  RowTotals,
  SourceReport,
  Totals,
} from "./types";

const collator = new Intl.Collator("ru", { numeric: true, sensitivity: "base" });
const num = (n: unknown) => (typeof n === "number" && Number.isFinite(n) ? n : 0);

export const zeroRows = (): RowTotals => ({ mentors: 0, mentees: 0, youngTeachers: 0, withRoute: 0 });
export const zeroPair = (): Pair => ({ mentors: 0, mentees: 0 });

export function sumRows(rows: ReportRow[]): RowTotals {
  const s = zeroRows();
  for (const r of rows) {
    s.mentors += num(r.mentors);
    s.mentees += num(r.mentees);
    s.youngTeachers += num(r.youngTeachers);
    s.withRoute += num(r.withRoute);
  }
  return s;
}

function addTotals(into: Totals, from: Totals) {
  for (const k of ["mentors", "mentees", "youngTeachers", "withRoute"] as const) into.sum[k] += from.sum[k];
  into.distinct.mentors += from.distinct.mentors;
  into.distinct.mentees += from.distinct.mentees;
}

/** Municipalities by name, organisations by name within each (numbers in natural order: № 2 before № 10). */
export function sortReports(reports: SourceReport[]): SourceReport[] {
  return [...reports].sort(
    (a, b) =>
      collator.compare(a.municipality, b.municipality) ||
      a.municipalityId - b.municipalityId ||
      collator.compare(a.organisation, b.organisation) ||
      a.organisationId - b.organisationId,
  );
}

/** Splits sorted reports into runs of one municipality. */
function byMunicipality(reports: SourceReport[]): SourceReport[][] {
  const runs: SourceReport[][] = [];
  for (const r of sortReports(reports)) {
    const last = runs.at(-1);
    if (last && last[0].municipalityId === r.municipalityId) last.push(r);
    else runs.push([r]);
  }
  return runs;
}

/** Form 2–5 or the appendix: a row per programme; every organisation with a report appears, rows or not. */
export function consolidateForm(key: ReportFormKey, reports: SourceReport[]): ConsolidatedForm {
  const whole: ConsolidatedForm = { key, municipalities: [], sum: zeroRows(), distinct: zeroPair() };
  for (const run of byMunicipality(reports)) {
    const group: MunicipalityGroup<OrganisationGroup> = {
      municipalityId: run[0].municipalityId,
      municipality: run[0].municipality,
      organisations: [],
      sum: zeroRows(),
      distinct: zeroPair(),
    };
    for (const r of run) {
      const form = r.forms?.[key];
      const rows = form?.rows ?? [];
      const org: OrganisationGroup = {
        organisationId: r.organisationId,
        organisation: r.organisation,
        status: r.status,
        rows,
        sum: sumRows(rows),
        distinct: { mentors: num(form?.distinctMentors), mentees: num(form?.distinctMentees) },
      };
      group.organisations.push(org);
      addTotals(group, org);
    }
    whole.municipalities.push(group);
    addTotals(whole, group);
  }
  return whole;
}

const zeroCounts = (): Form1Counts => ({
  organisations: 0,
  learners10to18: 0,
  teachingStaff: 0,
  youngTeachers: 0,
});

function addCounts(into: Form1Counts, from: Form1Counts) {
  for (const k of ["organisations", "learners10to18", "teachingStaff", "youngTeachers"] as const)
    into[k] += from[k];
}

/** Form 1: a row per organisation, the counts summed per municipality and overall. */
export function consolidateForm1(reports: SourceReport[]): ConsolidatedForm1 {
  const whole: ConsolidatedForm1 = { municipalities: [], totals: zeroCounts() };
  for (const run of byMunicipality(reports)) {
    const group: Form1Group = {
      municipalityId: run[0].municipalityId,
      municipality: run[0].municipality,
      organisations: [],
      totals: zeroCounts(),
    };
    for (const r of run) {
      group.organisations.push({
        organisationId: r.organisationId,
        organisation: r.organisation,
        status: r.status,
        form1: r.form1,
      });
      addCounts(group.totals, {
        organisations: 1,
        learners10to18: num(r.form1?.learners10to18),
        teachingStaff: num(r.form1?.teachingStaff),
        youngTeachers: num(r.form1?.youngTeachers),
      });
    }
    whole.municipalities.push(group);
    addCounts(whole.totals, group.totals);
  }
  return whole;
}
