/** The programmes of an organisation: formats by kind (teacher–teacher the most numerous), start dates, texts. */
import type { Format } from "@/lib/reports/domain";
import { addDays, ymd } from "./dates";
import type { Rng } from "./random";
import type { Ids, ProgrammeRow } from "./rows";
import type { OrgPlan, Years } from "./territory";
import * as X from "./texts-registers";

export interface Prog {
  row: ProgrammeRow;
  format: Format;
  start: string;
  end: string | null;
  /** Teacher–teacher with the role model «опытный педагог – молодой специалист». */
  young: boolean;
}

/** How many programmes of each format; the first of a format listed in `core` starts with the model. */
function counts(
  rng: Rng,
  org: OrgPlan,
  hasColleges: boolean,
): { format: Format; n: number; core: boolean }[] {
  const urban = org.muni.kind === "city_district";
  if (org.kind === "college") {
    return [
      { format: "teacher_teacher", n: rng.int(2, 3), core: true },
      { format: "student_student", n: 2, core: true },
      { format: "employer_student", n: 2, core: true },
    ];
  }
  if (org.kind === "additional") {
    return [
      { format: "teacher_teacher", n: 2, core: true },
      { format: "pupil_pupil", n: 1, core: true },
      { format: "teacher_pupil", n: rng.int(1, 2), core: true },
    ];
  }
  return [
    { format: "teacher_teacher", n: urban ? rng.int(6, 8) : rng.int(3, 4), core: true },
    { format: "pupil_pupil", n: urban ? 2 : 1, core: true },
    { format: "teacher_pupil", n: urban || rng.chance(0.5) ? 1 : 0, core: false },
    { format: "employer_pupil", n: urban || rng.chance(0.4) ? 1 : 0, core: false },
    { format: "student_pupil", n: hasColleges && (urban || rng.chance(0.2)) ? 1 : 0, core: false },
  ];
}

function stageOf(rng: Rng, startYear: number, ended: boolean, current: number): ProgrammeRow["stage"] {
  if (ended) return "resultative";
  if (startYear >= current) return rng.pick(["preparatory", "design", "implementation"] as const);
  if (startYear <= current - 2)
    return rng.weighted([
      ["implementation", 5],
      ["reflective", 3],
      ["resultative", 1],
    ] as const);
  return "implementation";
}

export function planProgrammes(rng: Rng, org: OrgPlan, years: Years, ids: Ids, hasColleges: boolean): Prog[] {
  if (org.joinedYear == null) return [];
  const joined = org.joinedYear;
  const lastStartYear = Math.min(years.current, Math.max(joined, years.first + 4));
  const out: Prog[] = [];
  for (const { format, n, core } of counts(rng, org, hasColleges)) {
    const titles = rng.shuffle(X.TITLES[format].filter((t) => t !== "Школа молодого педагога"));
    for (let k = 0; k < n; k++) {
      const first = k === 0;
      const young = format === "teacher_teacher" && (first || rng.chance(0.25));
      const title =
        format === "teacher_teacher" && first
          ? "Школа молодого педагога"
          : titles[k % titles.length] + (k >= titles.length ? ` ${Math.floor(k / titles.length) + 1}` : "");
      const startsWithModel = first && core;
      const startYear = startsWithModel ? joined : rng.int(joined, lastStartYear);
      let start = startsWithModel
        ? addDays(org.startDate, rng.int(3, 20))
        : ymd(startYear, 9, rng.int(1, 15));
      if (start < org.startDate) start = addDays(org.startDate, rng.int(3, 20));
      if (start > years.today) {
        if (startsWithModel) start = years.today;
        else continue;
      }
      const endYear = Number(start.slice(0, 4)) + 2;
      const end =
        !startsWithModel && rng.chance(0.1) && ymd(endYear, 6, 30) < years.today ? ymd(endYear, 6, 30) : null;
      const sy = Number(start.slice(0, 4));
      const at = new Date(`${start}T09:00:00Z`);
      const row: ProgrammeRow = {
        id: ids.next("programmes"),
        organisationId: org.id,
        title,
        format,
        roleModel: young
          ? X.YOUNG_ROLE_MODEL
          : rng.pick(
              X.ROLE_MODELS[format].filter((m) => format !== "teacher_teacher" || m !== X.YOUNG_ROLE_MODEL),
            ),
        modes: young ? ["традиционное", "групповое"] : rng.sample(X.MODES, rng.int(1, 3)),
        goal: X.GOALS[format],
        expectedResults: X.EXPECTED[format],
        achievedResults: sy < years.current || end ? rng.pick(X.ACHIEVED[format]) : "",
        startDate: start,
        endDate: end,
        stage: stageOf(rng, sy, end != null, years.current),
        bestPractice: sy <= years.current - 1 && rng.chance(0.05),
        createdAt: at,
        updatedAt: at,
      };
      out.push({ row, format, start, end, young });
    }
  }
  return out;
}

/** Programmes of the formats taking entries on `date`. */
export function eligible(progs: Prog[], date: string, formats: readonly Format[]): Prog[] {
  return progs.filter(
    (p) => formats.includes(p.format) && p.start <= date && (p.end == null || p.end > date),
  );
}
