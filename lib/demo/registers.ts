/**
 * The registers of one organisation, simulated year by year. Every involved person stays in one long
 * mentorship until they leave (a learner turns 18, a pair ends, a mentor moves on); when a learner's
 * mentor leaves first, the learner continues with a new mentor. Each year enough people enter to follow
 * the involvement curve of the organisation.
 */
import type { Format } from "@/lib/reports/domain";
import { addDays, entryDate, entryWeight, maxIso, minIso, ymd } from "./dates";
import { People } from "./people";
import { finishPractice } from "./practice";
import { eligible, planProgrammes, type Prog } from "./programmes";
import type { Rng } from "./random";
import type { DocumentRow, Ids, OrgRegisters, PersonRow } from "./rows";
import { INVOLVEMENT_CAP, involvement } from "./size";
import type { OrgPlan, Years } from "./territory";
import * as X from "./texts-registers";
import { CITY_EMPLOYERS, RURAL_EMPLOYERS } from "./texts-territory";

interface Link {
  prog: Prog;
  mentor: PersonRow;
  mentee: PersonRow;
  entry: string;
  end: string | null;
  dropout: boolean;
}

/** A learner whose mentor leaves before them: continues in `year` until `until` (their own last year). */
interface Continuation {
  mentee: PersonRow;
  prog: Prog;
  until: number;
  dropout: boolean;
}

const LEARNER_FORMATS: Record<OrgPlan["kind"], [Format, number][]> = {
  school: [
    ["pupil_pupil", 0.5],
    ["teacher_pupil", 0.25],
    ["employer_pupil", 0.15],
    ["student_pupil", 0.1],
  ],
  college: [
    ["student_student", 0.6],
    ["employer_student", 0.4],
  ],
  additional: [
    ["pupil_pupil", 0.4],
    ["teacher_pupil", 0.6],
  ],
};
const PEER: Format[] = ["pupil_pupil", "student_student"];

export interface RegisterContext {
  rng: Rng;
  org: OrgPlan;
  years: Years;
  ids: Ids;
  /** The big city's employers (workplaces of form-5 mentors), when the region's centre is not Демоград's. */
  cityEmployers?: readonly string[];
  /** Short names of the region's colleges (workplaces of form-4 mentors), own municipality first. */
  colleges: string[];
  documents: DocumentRow[];
}

export function buildRegisters(ctx: RegisterContext): OrgRegisters {
  const { rng, org, years, ids } = ctx;
  const out: OrgRegisters = {
    persons: [],
    mentorProfiles: [],
    menteeProfiles: [],
    programmes: [],
    mentorships: [],
  };
  if (org.joinedYear == null) return out;
  const progs = planProgrammes(rng.fork("programmes"), org, years, ids, ctx.colleges.length > 0);
  out.programmes = progs.map((p) => p.row);
  const people = new People(rng.fork("people"), ids, org.id, out, years.current, org.kind);
  const r = rng.fork("simulation");
  const employers =
    org.muni.kind === "city_district" ? (ctx.cityEmployers ?? CITY_EMPLOYERS) : RURAL_EMPLOYERS;
  const learnerCategory = org.kind === "college" ? "college_student" : "pupil";
  const links: Link[] = [];
  const teachers: PersonRow[] = [];
  const employerReps: PersonRow[] = [];
  const mentorLoad = new Map<number, number>();
  const continuations = new Map<number, Continuation[]>();
  let live: Link[] = [];

  const academicEnd = (entry: string) => Number(entry.slice(0, 4)) + (entry.slice(5, 7) >= "07" ? 1 : 0);
  /** The academic year's end plus a geometric number of years at `rate` of leaving a year. */
  const endAfter = (from: number, rate: number) => {
    let k = 0;
    while (k < 40 && !r.chance(rate)) k++;
    return from + k;
  };
  const isLearner = (p: PersonRow) => p.category === learnerCategory && !p.workplace;
  const link = (
    prog: Prog,
    mentor: PersonRow,
    mentee: PersonRow,
    entry: string,
    endYear: number,
    dropout: boolean,
  ) => {
    let end = ymd(endYear, 6, r.int(20, 30));
    if (prog.end) end = minIso(end, prog.end);
    if (end <= entry) end = addDays(entry, 1);
    const l: Link = {
      prog,
      mentor,
      mentee,
      entry,
      end: end <= years.today ? end : null,
      dropout: dropout && end <= years.today,
    };
    links.push(l);
    live.push(l);
    return l;
  };

  for (let y = org.joinedYear; y <= years.current; y++) {
    const yearStart = ymd(y, 1, 1);
    live = live.filter((l) => l.end == null || l.end >= yearStart);
    const lo = maxIso(yearStart, addDays(org.startDate, 5));
    const hi = minIso(ymd(y, 12, 31), years.today);
    if (lo > hi) continue;
    const share =
      y === years.current ? entryWeight(y, lo, hi) / Math.max(1e-9, entryWeight(y, lo, ymd(y, 12, 31))) : 1;
    const rate = Math.min(
      INVOLVEMENT_CAP,
      involvement(y, years.first) * org.factor * (y === org.joinedYear && y > years.first ? 0.6 : 1),
    );
    const fig = org.figures.get(y)!;
    const activeTeachers = new Set<number>();
    const activeLearners = new Set<number>();
    for (const l of live) {
      for (const p of [l.mentor, l.mentee]) {
        if (p.category === "teacher") activeTeachers.add(p.id);
        else if (isLearner(p)) activeLearners.add(p.id);
      }
    }

    // ---- Teachers ----
    const activeMentors = () =>
      [
        ...new Set(
          live
            .filter(
              (l) => l.prog.format === "teacher_teacher" && l.end == null && l.mentor.category === "teacher",
            )
            .map((l) => l.mentor),
        ),
      ].filter((m) => (mentorLoad.get(m.id) ?? 0) < 3);
    const idle = () => teachers.filter((t) => !activeTeachers.has(t.id) && t.category === "teacher");
    const ttProg = (entry: string, young: boolean) => {
      const all = eligible(progs, entry, ["teacher_teacher"]);
      const fit = all.filter((p) => p.young === young);
      return fit.length ? r.pick(fit) : all.length ? r.pick(all) : null;
    };
    const newTeacher = (since: number, entry: string, retired = false) => {
      const t = people.teacher(since, entry, retired);
      teachers.push(t);
      return t;
    };
    const teacherMentor = (entry: string): PersonRow => {
      const reuse = activeMentors();
      if (reuse.length && r.chance(0.35)) return r.pick(reuse);
      const former = idle().filter((t) => (t.teachingSince ?? y) <= y - 4);
      if (former.length && r.chance(0.7)) return r.pick(former);
      return newTeacher(y - r.int(6, 32), entry, r.chance(0.04));
    };
    const teacherGroup = (
      prog: Prog,
      mentor: PersonRow,
      mentees: PersonRow[],
      entry: string,
      endYear: number,
      dropout: boolean,
    ) => {
      people.mentorProfileFor(mentor, entry, true);
      mentorLoad.set(mentor.id, (mentorLoad.get(mentor.id) ?? 0) + mentees.length);
      for (const p of [mentor, ...mentees]) if (p.category === "teacher") activeTeachers.add(p.id);
      for (const m of mentees) link(prog, mentor, m, entry, endYear, dropout);
    };

    // Young specialists: a cohort a year, each with a mentor for three school years.
    const cohort = r.round(((fig.young * Math.min(0.95, rate * 1.15)) / 3) * share);
    for (let i = 0; i < cohort; i++) {
      const entry = entryDate(r, y, lo, hi);
      const prog = ttProg(entry, true);
      if (!prog) break;
      const since = entry.slice(5, 7) >= "07" ? y : y - 1;
      const mentee = newTeacher(since, entry);
      people.menteeProfileFor(mentee, entry, X.TEACHER_NEEDS[0], r.chance(0.8));
      const dropout = r.chance(0.08);
      teacherGroup(
        prog,
        teacherMentor(entry),
        [mentee],
        entry,
        dropout ? academicEnd(entry) : since + 3,
        dropout,
      );
    }

    // Other teachers, in pairs and small groups, until the year's share of the teaching staff is involved.
    let need = Math.round((Math.round(rate * fig.staff) - activeTeachers.size) * share);
    for (let guard = 0; need > 0 && guard < 1000; guard++) {
      const entry = entryDate(r, y, lo, hi);
      const prog = ttProg(entry, false);
      if (!prog) break;
      const before = activeTeachers.size;
      const mentor = teacherMentor(entry);
      const k = Math.max(1, Math.min(r.int(1, 2), need - (activeTeachers.has(mentor.id) ? 0 : 1)));
      const pool = idle().filter((t) => t.id !== mentor.id);
      const mentees: PersonRow[] = [];
      for (let j = 0; j < k; j++) {
        const reused = pool.length && r.chance(0.5) ? pool.splice(r.int(0, pool.length - 1), 1)[0] : null;
        const m = reused ?? newTeacher(y - r.int(4, 30), entry);
        people.menteeProfileFor(m, entry, r.pick(X.TEACHER_NEEDS.slice(1)), r.chance(0.05));
        mentees.push(m);
      }
      const dropout = r.chance(0.05);
      teacherGroup(prog, mentor, mentees, entry, endAfter(academicEnd(entry), 0.07), dropout);
      need -= activeTeachers.size - before;
    }

    // ---- Learners ----
    /** Links mentees to a mentor; a mentee who outlasts the mentor or the programme continues later. */
    const learnerGroup = (
      prog: Prog,
      mentor: PersonRow,
      mentorLast: number,
      mentees: { p: PersonRow; until: number; dropout: boolean }[],
      entry: string,
    ) => {
      people.mentorProfileFor(mentor, entry, false);
      if (isLearner(mentor)) activeLearners.add(mentor.id);
      if (mentor.category === "teacher") activeTeachers.add(mentor.id);
      const progLast = prog.end ? Number(prog.end.slice(0, 4)) : Infinity;
      for (const m of mentees) {
        activeLearners.add(m.p.id);
        const endYear = Math.min(m.until, mentorLast, progLast);
        const l = link(prog, mentor, m.p, entry, endYear, endYear === m.until && m.dropout);
        if (endYear < m.until && l.end != null) {
          const list = continuations.get(endYear) ?? [];
          list.push({ mentee: m.p, prog, until: m.until, dropout: m.dropout });
          continuations.set(endYear, list);
        }
      }
    };
    const outsideMentor = (format: Format, entry: string): { mentor: PersonRow; last: number } => {
      if (format === "teacher_pupil") {
        const candidates = teachers.filter(
          (t) => activeTeachers.has(t.id) && (t.teachingSince ?? y) <= y - 4,
        );
        return {
          mentor: candidates.length ? r.pick(candidates) : newTeacher(y - r.int(6, 30), entry),
          last: Infinity,
        };
      }
      if (format === "student_pupil") {
        const college = ctx.colleges[r.chance(0.8) ? 0 : r.int(0, ctx.colleges.length - 1)];
        return { mentor: people.studentMentor(college, entry), last: academicEnd(entry) + r.int(0, 1) };
      }
      const reuse = employerReps.length > 0 && r.chance(0.3);
      const mentor = reuse ? r.pick(employerReps) : people.employer(employers, entry);
      if (!reuse) employerReps.push(mentor);
      return { mentor, last: Infinity };
    };
    const peerMentor = (age: number, entry: string) => {
      const last = Number(entry.slice(0, 4)) + 18 - age;
      return { mentor: people.learner(learnerCategory, age, entry, last), last };
    };

    // Learners whose mentor left last school year continue with a new one in September.
    const due = continuations.get(y) ?? [];
    continuations.delete(y);
    for (let i = 0; i < due.length;) {
      const format = due[i].prog.format;
      const chunk = due
        .slice(i)
        .filter((c) => c.prog.format === format)
        .slice(0, PEER.includes(format) ? r.int(1, 3) : r.int(1, 8));
      i += 1;
      for (const c of chunk.slice(1)) due.splice(due.indexOf(c), 1);
      const entry = ymd(y, 9, r.int(1, 15));
      if (entry > years.today) continue;
      const options = eligible(progs, entry, [format]);
      if (!options.length) continue;
      const prog = options.includes(chunk[0].prog) ? chunk[0].prog : r.pick(options);
      const oldest = Math.max(...chunk.map((c) => y - (c.mentee.birthYear ?? y)));
      const { mentor, last } = PEER.includes(format)
        ? peerMentor(Math.min(17, Math.max(org.kind === "college" ? 16 : 14, oldest + 1)), entry)
        : outsideMentor(format, entry);
      learnerGroup(
        prog,
        mentor,
        last,
        chunk.map((c) => ({ p: c.mentee, until: c.until, dropout: c.dropout })),
        entry,
      );
    }

    need = Math.round((Math.round(rate * fig.learners) - activeLearners.size) * share);
    const formats = LEARNER_FORMATS[org.kind];
    for (let guard = 0; need > 0 && guard < 20000; guard++) {
      const entry = entryDate(r, y, lo, hi);
      const open = formats.filter(([f]) => eligible(progs, entry, [f]).length > 0);
      if (!open.length) {
        if (
          !eligible(
            progs,
            hi,
            formats.map(([f]) => f),
          ).length
        )
          break;
        continue;
      }
      const format = r.weighted(open);
      const prog = r.pick(eligible(progs, entry, [format]));
      const peer = PEER.includes(format);
      const college = org.kind === "college";
      const mentorAge = peer
        ? college
          ? r.int(16, 17)
          : r.weighted([
              [13, 2],
              [14, 4],
              [15, 4],
              [16, 2],
              [17, 1],
            ] as const)
        : 0;
      const [size0, lo0, hi0] = peer
        ? [r.int(1, 3), college ? 15 : 10, college ? 16 : Math.min(13, mentorAge - 1)]
        : format === "teacher_pupil"
          ? [r.int(4, 10), 10, 15]
          : format === "student_pupil"
            ? [r.int(1, 3), 10, 14]
            : [r.int(3, 8), college ? 15 : 12, college ? 17 : 16];
      const size = Math.max(1, Math.min(size0, need - (peer ? 1 : 0)));
      const before = activeLearners.size;
      const entryYear = Number(entry.slice(0, 4));
      const { mentor, last } = peer ? peerMentor(mentorAge, entry) : outsideMentor(format, entry);
      const mentees = Array.from({ length: size }, () => {
        const age = r.int(lo0, hi0);
        const ageOut = entryYear + 18 - age;
        const natural = endAfter(academicEnd(entry), 0.04);
        const until = Math.min(ageOut, natural);
        const p = people.learner(learnerCategory, age, entry, until);
        people.menteeProfileFor(p, entry, r.pick(X.PUPIL_NEEDS), false);
        return { p, until, dropout: natural < ageOut && r.chance(0.4) };
      });
      learnerGroup(prog, mentor, last, mentees, entry);
      need -= activeLearners.size - before;
    }
  }

  // Mentorships, with the order that assigned the pair.
  const pairsOrders = ctx.documents.filter((d) => d.type === "pairs_assignment");
  for (const l of links) {
    const order =
      pairsOrders.filter((d) => d.date! <= l.entry).pop() ??
      pairsOrders.find((d) => d.date! <= addDays(l.entry, 60));
    const ended = l.end != null;
    out.mentorships.push({
      id: ids.next("mentorships"),
      programmeId: l.prog.row.id,
      organisationId: org.id,
      mentorId: l.mentor.id,
      menteeId: l.mentee.id,
      entryDate: l.entry,
      endDate: l.end,
      result: ended
        ? r.pick(l.dropout ? X.DROPOUT_RESULTS : X.MENTORSHIP_RESULTS[l.prog.format])
        : r.chance(0.3)
          ? "Составлен план работы пары"
          : "",
      mentorReviewUrl:
        ended && !l.dropout && r.chance(0.1) ? `${org.website}/nastavnichestvo/otzyvy/${l.mentee.id}` : "",
      menteeReviewUrl: "",
      completed: ended && !l.dropout,
      orderNumber: order?.number ?? "",
      orderDate: order?.date ?? null,
      createdAt: new Date(`${l.entry}T08:00:00Z`),
      updatedAt: new Date(`${l.end ?? l.entry}T08:00:00Z`),
    });
  }
  finishPractice(rng.fork("practice"), out, years);
  return out;
}
