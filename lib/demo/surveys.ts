/**
 * Monitoring questionnaires of the demo region (seed 001 §7.2–7.5): the default questionnaires, and answers
 * before and after for the pairs of the demo curator's school and of every fourth organisation — enough for the
 * charts to show a change, with small programmes showing «менее 5». Deterministic.
 */
import { DEFAULT_QUESTIONS, type Answers, type SurveyRole } from "@/lib/surveys/questions";
import type { Rng } from "./random";
import type * as R from "./rows";
import type { Ids } from "./rows";

export interface SurveyRows {
  questionnaires: Record<string, unknown>[];
  responses: Record<string, unknown>[];
}

const clamp = (n: number) => Math.max(1, Math.min(10, Math.round(n)));

/** Answers of one participant: «after» scores about two points higher, more «да». */
function answers(rng: Rng, role: SurveyRole, after: boolean, teacher: boolean): Answers {
  const out: Answers = {};
  DEFAULT_QUESTIONS[role].forEach((q, i) => {
    if (!q.required && !teacher) return;
    // Each question starts from its own level and moves by its own amount, as real answers would.
    const base = 3.5 + ((i * 7) % 4) * 0.6;
    const lift = after ? 0.8 + ((i * 5) % 3) * 0.9 + rng.next() : 0;
    if (q.type === "scale10") out[q.id] = clamp(base + rng.next() * 2.5 + lift + (rng.next() - 0.5) * 2);
    else if (q.type === "yesno") out[q.id] = rng.chance((after ? 0.45 : 0.2) + ((i * 3) % 4) * 0.08);
  });
  return out;
}

/** `registers` of the organisations that answer, `today` the demo's date (answers are never in the future). */
export function buildSurveys(
  rng: Rng,
  regionId: number,
  registers: { org: { id: number; index: number }; reg: R.OrgRegisters }[],
  curatorOrgId: number,
  ids: Ids,
  today: string,
): SurveyRows {
  const questionnaires = (["mentor", "mentee"] as const).map((role) => ({
    id: ids.next("survey_questionnaires"),
    regionId,
    role,
    version: 1,
    questions: DEFAULT_QUESTIONS[role],
    createdAt: new Date(`${today}T08:00:00Z`),
  }));
  const versionOf = (role: SurveyRole) => questionnaires.find((q) => q.role === role)!.id;
  const responses: Record<string, unknown>[] = [];
  for (const { org, reg } of registers) {
    if (org.id !== curatorOrgId && org.index % 4 !== 1) continue;
    const r = rng.fork("org", org.id);
    const programmes = new Map(reg.programmes.filter((p) => !p.archived).map((p) => [p.id, p]));
    const done = new Set<string>();
    const add = (
      p: R.ProgrammeRow,
      role: SurveyRole,
      personId: number,
      stage: "before" | "after",
      day: string,
    ) => {
      const key = `${p.id}:${role}:${personId}:${stage}`;
      if (done.has(key) || day > today) return;
      done.add(key);
      // Not everyone answers: about four in five before, three in four after.
      if (!r.chance(stage === "before" ? 0.8 : 0.75)) return;
      const at = new Date(`${day}T09:00:00Z`);
      responses.push({
        id: ids.next("survey_responses"),
        organisationId: org.id,
        programmeId: p.id,
        personId,
        role,
        stage,
        questionnaireId: versionOf(role),
        answers: answers(r, role, stage === "after", p.format === "teacher_teacher"),
        source: r.chance(0.6) ? "paper" : "link",
        createdAt: at,
        updatedAt: at,
      });
    };
    for (const m of reg.mentorships) {
      const p = programmes.get(m.programmeId);
      if (!p || m.archived) continue;
      add(p, "mentee", m.menteeId, "before", m.entryDate);
      add(p, "mentor", m.mentorId, "before", m.entryDate);
      if (m.endDate && m.completed) {
        add(p, "mentee", m.menteeId, "after", m.endDate);
        add(p, "mentor", m.mentorId, "after", m.endDate);
      }
    }
  }
  return { questionnaires, responses };
}
