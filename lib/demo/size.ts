/** Size parameters of the generated region and the involvement curves it follows. */

export interface DemoSize {
  /** Municipalities in all: one large city district and the rest rural districts. */
  municipalities: number;
  /** Organisations in all (about): schools, a few colleges and additional-education organisations. */
  organisations: number;
  /** Schools of the large city district (part of `organisations`). */
  citySchools: number;
  /** Multiplies the learners aged 10–18 of every organisation card, and so the learners in the registers. */
  learnerScale: number;
  /**
   * Multiplies the teaching staff of every organisation card, and so the teachers in the registers (the national
   * set's small registers: ~1 M persons in 54 000 organisations).
   */
  staffScale: number;
  /** The first year with registers and reports (the seed table starts in 2021). */
  firstYear: number;
}

export const DEFAULT_SIZE: DemoSize = {
  municipalities: 11,
  organisations: 150,
  citySchools: 40,
  learnerScale: 1,
  staffScale: 1,
  firstYear: 2021,
};

export function resolveSize(size: Partial<DemoSize> | undefined): DemoSize {
  const s = { ...DEFAULT_SIZE, ...size };
  const municipalities = Math.max(1, Math.floor(s.municipalities));
  const organisations = Math.max(2, Math.floor(s.organisations));
  return {
    municipalities,
    organisations,
    citySchools: Math.max(1, Math.min(Math.floor(s.citySchools), organisations - 1)),
    learnerScale: s.learnerScale > 0 ? s.learnerScale : 1,
    staffScale: s.staffScale > 0 ? s.staffScale : 1,
    firstYear: Math.floor(s.firstYear),
  };
}

/**
 * The planned share of learners (and of teachers) involved in a year, for an organisation with factor 1.
 * The seed table's goal: 70 % by 2024, a little more afterwards. Years are counted from 2021 even when
 * `firstYear` differs, so that shifting the span shifts the curve.
 */
const CURVE = [0.23, 0.39, 0.56, 0.73, 0.77, 0.79];

export function involvement(year: number, firstYear: number): number {
  const i = year - firstYear;
  if (i < 0) return 0;
  if (i < CURVE.length) return CURVE[i];
  return Math.min(0.82, CURVE[CURVE.length - 1] + 0.01 * (i - CURVE.length + 1));
}

/** No organisation involves more than this share: someone is always left out. */
export const INVOLVEMENT_CAP = 0.95;
