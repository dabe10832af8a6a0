/** The regional indicator table (spec/indicators.md): definitions and arithmetic over organisation facts. Pure. */

export const INDICATOR_CODES = ["1", "2", "3", "4", "5", "6", "7", "N1", "N2"] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** What the latest approved report of a year says about one organisation (null fields: no approved report). */
export interface OrgYearFact {
  organisationId: number;
  year: number;
  /** All four documents in force and at least one programme with a mentee. */
  implementing: boolean;
  activeProgrammes: number;
  learnerMentees: number;
  learnerMentors: number;
  teacherMentors: number;
  youngTeacherMentees: number;
  youngTeachersWithRoute: number;
  learnersAny: number;
  teachersAny: number;
  learners: number;
  staff: number;
  youngTeachers: number;
}

type Sums = Omit<OrgYearFact, "organisationId" | "year" | "implementing"> & {
  implementing: number;
  covered: number;
};

export interface IndicatorDefinition {
  code: IndicatorCode;
  /** The label as in seed 001, section 7.7. */
  label: string;
  short: string;
  unit: "%" | "ед.";
  numerator: (s: Sums) => number;
  /** null for a count (indicator 2). `total` is the number of organisations obliged to take part. */
  denominator: ((s: Sums, total: number) => number) | null;
}

export const INDICATORS: IndicatorDefinition[] = [
  {
    code: "1",
    label: "Доля ОО, реализующих систему наставничества",
    short: "ОО, реализующие наставничество",
    unit: "%",
    numerator: (s) => s.implementing,
    denominator: (_s, total) => total,
  },
  {
    code: "2",
    label: "Количество программ наставничества, реализуемых в муниципалитете",
    short: "Программ наставничества",
    unit: "ед.",
    numerator: (s) => s.activeProgrammes,
    denominator: null,
  },
  {
    code: "3",
    label:
      "Доля обучающихся в возрасте от 10 до 18 лет, вошедших в программы наставничества в роли наставляемого",
    short: "Обучающиеся-наставляемые",
    unit: "%",
    numerator: (s) => s.learnerMentees,
    denominator: (s) => s.learners,
  },
  {
    code: "4",
    label:
      "Доля обучающихся в возрасте от 10 до 18 лет, вошедших в программы наставничества в роли наставника",
    short: "Обучающиеся-наставники",
    unit: "%",
    numerator: (s) => s.learnerMentors,
    denominator: (s) => s.learners,
  },
  {
    code: "5",
    label: "Доля учителей – молодых специалистов, вошедших в программы наставничества в роли наставляемого",
    short: "Молодые специалисты-наставляемые",
    unit: "%",
    numerator: (s) => s.youngTeacherMentees,
    denominator: (s) => s.youngTeachers,
  },
  {
    code: "6",
    label: "Доля учителей, вошедших в программы наставничества в роли наставников",
    short: "Учителя-наставники",
    unit: "%",
    numerator: (s) => s.teacherMentors,
    denominator: (s) => s.staff,
  },
  {
    code: "7",
    label: "Доля молодых педагогов, получивших адресную методическую поддержку в разработке и реализации ИОМ",
    short: "Молодые педагоги с ИОМ",
    unit: "%",
    numerator: (s) => s.youngTeachersWithRoute,
    denominator: (s) => s.youngTeachers,
  },
  {
    code: "N1",
    label: "Доля обучающихся, вовлечённых в наставничество",
    short: "Н1. Обучающиеся в наставничестве",
    unit: "%",
    numerator: (s) => s.learnersAny,
    denominator: (s) => s.learners,
  },
  {
    code: "N2",
    label: "Доля педагогов, вовлечённых в наставничество",
    short: "Н2. Педагоги в наставничестве",
    unit: "%",
    numerator: (s) => s.teachersAny,
    denominator: (s) => s.staff,
  },
];

export const INDICATOR_BY_CODE = Object.fromEntries(INDICATORS.map((d) => [d.code, d])) as Record<
  IndicatorCode,
  IndicatorDefinition
>;

/**
 * The label as the table of a territory shows it: indicator 2 counts the programmes of that territory, so a
 * school's own table does not say «в муниципалитете».
 */
export function indicatorLabel(
  code: IndicatorCode,
  level: "country" | "region" | "municipality" | "organisation" = "municipality",
): string {
  const label = INDICATOR_BY_CODE[code].label;
  if (code !== "2" || level === "municipality") return label;
  const where = { country: "в стране", region: "в регионе", organisation: "в организации" }[level];
  return label.replace("в муниципалитете", where);
}

/** Display code: «Н1» with a Cyrillic letter. */
export function displayCode(code: IndicatorCode): string {
  return code.replace("N", "Н");
}

export interface IndicatorValue {
  code: IndicatorCode;
  year: number;
  numerator: number;
  denominator: number | null;
  /** Percent, the count for indicator 2, or null («нет данных»: zero denominator or no data). */
  value: number | null;
  covered: number;
  total: number;
}

export function emptySums(): Sums {
  return {
    implementing: 0,
    covered: 0,
    activeProgrammes: 0,
    learnerMentees: 0,
    learnerMentors: 0,
    teacherMentors: 0,
    youngTeacherMentees: 0,
    youngTeachersWithRoute: 0,
    learnersAny: 0,
    teachersAny: 0,
    learners: 0,
    staff: 0,
    youngTeachers: 0,
  };
}

/** Σ numerators and Σ denominators over the facts: percentages are never averaged. */
export function sumFacts(facts: OrgYearFact[]): Sums {
  const s = emptySums();
  for (const f of facts) {
    s.covered += 1;
    s.implementing += f.implementing ? 1 : 0;
    for (const k of [
      "activeProgrammes",
      "learnerMentees",
      "learnerMentors",
      "teacherMentors",
      "youngTeacherMentees",
      "youngTeachersWithRoute",
      "learnersAny",
      "teachersAny",
      "learners",
      "staff",
      "youngTeachers",
    ] as const)
      s[k] += f[k];
  }
  return s;
}

/** Every indicator's value from a territory's sums for one year; `total` = organisations obliged to take part. */
export function indicatorValues(sums: Sums, year: number, total: number): IndicatorValue[] {
  return INDICATORS.map((d) => {
    const numerator = d.numerator(sums);
    const denominator = d.denominator ? d.denominator(sums, total) : null;
    const value =
      denominator == null
        ? sums.covered
          ? numerator
          : null
        : denominator > 0
          ? (numerator / denominator) * 100
          : null;
    return { code: d.code, year, numerator, denominator, value, covered: sums.covered, total };
  });
}

export type { Sums as IndicatorSums };
