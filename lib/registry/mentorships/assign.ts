import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { menteeProfiles, mentorProfiles, mentorships, persons, type Programme } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import type { EditableOrg } from "@/lib/auth/scoped";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { FORMAT_PARTIES, formatMismatch } from "@/lib/registry/formats";
import { PROGRAMME } from "@/lib/registry/programmes/mutations";
import { registerPeople } from "@/lib/registry/people";
import { auditWrite, lockRecord, registerWrite } from "@/lib/registry/record";
import { regionClock } from "@/lib/territory/clock";
import { mentorLoad } from "./load";
import { shortName } from "./names";
import type { assignMentorshipsSchema } from "./schemas";

type Input = z.output<typeof assignMentorshipsSchema>;
type Errors = Record<string, string[]>;

/** The persons named in the form, with whether they have a mentor and a mentee profile. */
async function loadParties(tx: Tx, org: EditableOrg, ids: number[]) {
  const columns = {
    id: persons.id,
    surname: persons.surname,
    name: persons.name,
    patronymic: persons.patronymic,
    category: persons.category,
    mentorProfile: mentorProfiles.personId,
    capacity: mentorProfiles.capacity,
    menteeProfile: menteeProfiles.personId,
  };
  const rows = await registerPeople(tx, org, columns, ids);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every reason the pairs cannot be made, keyed by form field; empty when they can. */
async function check(tx: Tx, org: EditableOrg, programme: Programme, input: Input): Promise<Errors> {
  const errors: Errors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const parties = await loadParties(tx, org, [input.mentorId, ...input.menteeIds]);
  const { format } = programme;
  const mentor = parties.get(input.mentorId);
  // With an unfit mentor, the mentees are still checked against a mentor who would fit.
  let mentorCategory = FORMAT_PARTIES[format].mentor[0];
  if (!mentor) {
    add("mentorId", "Наставник: участник не найден в реестре организации или перенесён в архив.");
  } else {
    const unfit = formatMismatch(format, mentor.category, FORMAT_PARTIES[format].mentee[0]);
    if (unfit) add("mentorId", unfit);
    else mentorCategory = mentor.category;
    if (!mentor.mentorProfile)
      add("mentorId", `${shortName(mentor)}: нет анкеты наставника — заполните её в реестре участников.`);
  }
  for (const menteeId of input.menteeIds) {
    const mentee = parties.get(menteeId);
    if (!mentee) {
      add(
        "menteeIds",
        "Наставляемые: один из участников не найден в реестре организации или перенесён в архив.",
      );
      continue;
    }
    const unfit = formatMismatch(format, mentorCategory, mentee.category);
    if (unfit) add("menteeIds", `${shortName(mentee)}: ${unfit}`);
    if (!mentee.menteeProfile)
      add("menteeIds", `${shortName(mentee)}: нет анкеты наставляемого — заполните её в реестре участников.`);
  }
  if (input.entryDate < programme.startDate)
    add("entryDate", `Дата вступления: не раньше начала программы (${formatDate(programme.startDate)}).`);
  if (programme.endDate && input.entryDate > programme.endDate)
    add("entryDate", `Дата вступления: не позже окончания программы (${formatDate(programme.endDate)}).`);

  const existing = await tx
    .select({ menteeId: mentorships.menteeId, archived: mentorships.archived })
    .from(mentorships)
    .where(
      and(
        eq(mentorships.programmeId, programme.id),
        eq(mentorships.mentorId, input.mentorId),
        inArray(mentorships.menteeId, input.menteeIds),
        eq(mentorships.entryDate, input.entryDate),
      ),
    );
  for (const dup of existing) {
    const who = parties.get(dup.menteeId);
    add(
      "menteeIds",
      `${who ? shortName(who) : "Участник"}: пара с этим наставником и датой вступления ${formatDate(input.entryDate)} уже есть в программе${dup.archived ? " (в архиве)" : ""}.`,
    );
  }
  return errors;
}

/**
 * The mentor's places: refused when the new pairs do not fit into the capacity, unless the form overrides it
 * with a reason (then the numbers are returned for the audit). The profile row is locked, so that two curators
 * assigning to one mentor at once cannot both take the last place.
 */
async function capacityCheck(tx: Tx, org: EditableOrg, input: Input, today: string) {
  const [profile] = await tx
    .select({ capacity: mentorProfiles.capacity })
    .from(mentorProfiles)
    .where(eq(mentorProfiles.personId, input.mentorId))
    .for("update");
  if (profile?.capacity == null) return null;
  const load = await mentorLoad(tx, org, input.mentorId, today);
  if (load + input.menteeIds.length <= profile.capacity) return null;
  if (input.overCapacity) return { capacity: profile.capacity, load };
  const free = Math.max(0, profile.capacity - load);
  const what =
    free === 0
      ? `мест нет (занято ${Math.min(load, profile.capacity)} из ${profile.capacity})`
      : `свободно ${free} из ${profile.capacity}, а выбрано ${input.menteeIds.length}`;
  throw new DomainError("Наставничество не назначено: у наставника нет свободных мест.", {
    mentorId: [
      `Наставник: ${what}. Выберите другого наставника или отметьте «Назначить сверх числа мест» и укажите причину.`,
    ],
  });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * Assigns one mentor to one or several mentees of the programme in one transaction: every pair is checked
 * first (scope, persons, profiles, format, dates, duplicates), and either all are written or none.
 */
export async function assignMentorships(user: SessionUser, org: EditableOrg, input: Input) {
  // Read before the transaction: on the embedded database a query outside it would wait for it.
  const today = (await regionClock(org.regionId)).today();
  try {
    return await registerWrite(user, org, async (w) => {
      const { tx } = w;
      const programme = await lockRecord(tx, PROGRAMME, org, input.programmeId, "any");
      if (programme.archived) throw new NotFoundError("Программа в архиве: назначать в неё пары нельзя.");
      const errors = await check(tx, org, programme, input);
      if (Object.keys(errors).length > 0)
        throw new DomainError("Наставничество не назначено: исправьте выделенные поля.", errors);
      const over = await capacityCheck(tx, org, input, today);
      const created = await tx
        .insert(mentorships)
        .values(
          input.menteeIds.map((menteeId) => ({
            programmeId: programme.id,
            organisationId: org.id,
            mentorId: input.mentorId,
            menteeId,
            entryDate: input.entryDate,
            endDate: input.endDate,
            orderNumber: input.orderNumber,
            orderDate: input.orderDate,
          })),
        )
        .returning();
      // Ids only: the names of the persons (minors among them) stay out of the audit log.
      await auditWrite(
        w,
        created.map((m) => ({
          action: "create",
          entity: "mentorship",
          entityId: m.id,
          changes: {
            programmeId: m.programmeId,
            mentorId: m.mentorId,
            menteeId: m.menteeId,
            entryDate: m.entryDate,
            endDate: m.endDate,
            orderNumber: m.orderNumber,
            orderDate: m.orderDate,
          },
        })),
      );
      if (over) {
        await auditWrite(w, {
          action: "over_capacity",
          entity: "person",
          entityId: input.mentorId,
          changes: {
            programmeId: programme.id,
            capacity: over.capacity,
            load: over.load,
            added: input.menteeIds.length,
            reason: input.overCapacityReason,
            mentorships: created.map((m) => m.id),
          },
        });
      }
      return { programmeId: programme.id, organisationId: org.id, ids: created.map((m) => m.id) };
    });
  } catch (error) {
    // Two curators assigning the same pair at once: the unique index refuses the second.
    if (isUniqueViolation(error))
      throw new ConflictError("Такая пара уже есть в программе: обновите страницу и проверьте список.");
    throw error;
  }
}
