/** What an import would write, decided against the register as it is. Pure. */
import { formatMismatch } from "@/lib/registry/formats";
import { consentLabel } from "@/lib/registry/persons/schemas";
import type { Format, PersonCategory } from "@/lib/reports/domain";
import {
  indexByName,
  matchPerson,
  menteeCategory,
  mentorCategory,
  pickReference,
  slotKey,
  type ExistingPerson,
  type NewPerson,
  type OrganisationKind,
  type Slot,
} from "./people";
import type { Duplicate, ImportOptions, Issue, ProposedRecord, RegisterKind } from "./types";
import { addPair, formatProgramme, registeredPairProgramme, type PlannedPair } from "./pairs";
import type { RowInput } from "./validate";
import { nameKey } from "./values";

export type { PlannedPair };

export interface Snapshot {
  orgKind: OrganisationKind;
  persons: ExistingPerson[];
  programmes: { id: number; format: Format; title: string }[];
  /** Pairs already in the register, by `format|mentorId|menteeId|entryDate` → programme. */
  pairs: Map<string, number>;
}

export interface Plan {
  newPersons: NewPerson[];
  /** Empty fields of existing persons that the file fills. */
  fills: Map<number, { birthYear?: number; workplace?: string }>;
  mentorProfiles: Map<string, { slot: Slot; fields: Record<string, string> }>;
  menteeProfiles: Map<string, { slot: Slot; fields: Record<string, string> }>;
  /** Programme by format: an existing id, or a new one to create. */
  programmes: Map<Format, { id: number | null; title: string; startDate: string }>;
  pairs: Map<string, PlannedPair>;
  mergedPersons: Set<number>;
}

const CONFIRM = "«Создать новых участников и программы»";

/** Whether the person is a minor: under 18 by the year of birth; a pupil without one is taken for a minor. */
export function minorOf(p: { birthYear: number | null; category: PersonCategory }, year: number): boolean {
  return p.birthYear != null ? year - p.birthYear < 18 : p.category === "pupil";
}

/** The role in the genitive, as the consent labels of the person form name it. */
export const ROLE_GENITIVE = { mentor: "наставника", mentee: "наставляемого" } as const;

function note(
  map: Map<string, ProposedRecord>,
  key: string,
  record: Omit<ProposedRecord, "rows">,
  row: number,
) {
  const entry = map.get(key) ?? { ...record, rows: [] };
  if (entry.rows.at(-1) !== row) entry.rows.push(row);
  map.set(key, entry);
}

function fillText(target: Record<string, string>, source: Record<string, string>) {
  for (const [k, v] of Object.entries(source)) if (!target[k] && v) target[k] = v;
}

/** Resolves the persons and pairs of valid rows; rows that cannot be resolved get errors. */
export function planImport(
  kind: RegisterKind,
  inputs: RowInput[],
  snap: Snapshot,
  options: Pick<ImportOptions, "duplicates" | "confirmNew">,
  today: string,
) {
  const year = Number(today.slice(0, 4));
  const issues: Issue[] = [];
  const duplicates: Duplicate[] = [];
  const plan: Plan = {
    newPersons: [],
    fills: new Map(),
    mentorProfiles: new Map(),
    menteeProfiles: new Map(),
    programmes: new Map(),
    pairs: new Map(),
    mergedPersons: new Set(),
  };
  const byName = indexByName(snap.persons, (p) => nameKey(p.surname, p.name, p.patronymic));
  const byId = new Map(snap.persons.map((p) => [p.id, p]));
  const primaryRole = kind === "mentees" ? "mentee" : "mentor";
  const partnerRole = kind === "mentees" ? "mentor" : "mentee";

  const category = (s: Slot): PersonCategory =>
    "existing" in s ? byId.get(s.existing)!.category : plan.newPersons[s.created].category;
  const create = (p: NewPerson): Slot => ({ created: plan.newPersons.push(p) - 1 });
  const fill = (s: Slot, birthYear: number | null, workplace: string) => {
    if (!("existing" in s)) {
      const p = plan.newPersons[s.created];
      if (p.birthYear == null && birthYear != null) p.birthYear = birthYear;
      if (!p.workplace && workplace) p.workplace = workplace;
      return;
    }
    const p = byId.get(s.existing)!;
    const f = plan.fills.get(p.id) ?? {};
    if (p.birthYear == null && birthYear != null && f.birthYear == null) f.birthYear = birthYear;
    if (!p.workplace && workplace && !f.workplace) f.workplace = workplace;
    if (f.birthYear != null || f.workplace) plan.fills.set(p.id, f);
  };
  const profile = (role: "mentor" | "mentee", s: Slot, fields: Record<string, string>) => {
    const map = role === "mentor" ? plan.mentorProfiles : plan.menteeProfiles;
    const entry = map.get(slotKey(s));
    if (entry) fillText(entry.fields, fields);
    else map.set(slotKey(s), { slot: s, fields: { ...fields } });
  };

  // The rows' main persons first, so that a name used as a reference finds them.
  const primaries = new Map<string, Slot>();
  const primaryByName = new Map<string, Slot[]>();
  const rowSlot = new Map<RowInput, Slot>();
  for (const input of inputs) {
    const { name, birthYear, workplace } = input.primary;
    const key = `${name.key}|${birthYear ?? ""}`;
    let slot = primaries.get(key);
    if (!slot) {
      const match = matchPerson(byName.get(name.key), name, birthYear, primaryRole);
      if (match)
        duplicates.push({
          row: input.line,
          name: [name.surname, name.name, name.patronymic].filter(Boolean).join(" "),
          birthYear,
          existing: {
            id: match.id,
            name: [match.surname, match.name, match.patronymic].filter(Boolean).join(" "),
            birthYear: match.birthYear,
            category: match.category,
          },
        });
      if (match && options.duplicates === "merge") {
        slot = { existing: match.id };
        plan.mergedPersons.add(match.id);
      } else {
        const cat =
          kind === "mentees"
            ? menteeCategory(input.format, snap.orgKind, birthYear, year)
            : mentorCategory(input.format);
        slot = create({ ...name, birthYear, category: cat, workplace });
      }
      primaries.set(key, slot);
      primaryByName.set(name.key, [...(primaryByName.get(name.key) ?? []), slot]);
    }
    fill(slot, birthYear, workplace);
    const consentDate = input.primary.consentDate;
    profile(primaryRole, slot, { ...input.primary.profile, ...(consentDate ? { consentDate } : {}) });
    rowSlot.set(input, slot);
  }

  const references = new Map<string, Slot>();
  /** New persons known only by a reference, by slot; new programmes, by format. */
  const proposedPersons = new Map<string, ProposedRecord>();
  const proposedProgrammes = new Map<string, ProposedRecord>();
  const errorRows = new Set<number>();
  const error = (input: RowInput, column: string, message: string) => {
    // Several partners of a row with the same problem: one message.
    const last = issues.at(-1);
    if (last?.row !== input.line || last.column !== column || last.message !== message)
      issues.push({ row: input.line, column, message, level: "error" });
    errorRows.add(input.line);
  };
  for (const input of inputs) {
    const own = rowSlot.get(input)!;
    for (const partner of input.partners) {
      const inFile = primaryByName.get(partner.name.key);
      let slot: Slot | undefined = inFile?.length === 1 ? inFile[0] : references.get(partner.name.key);
      if ((inFile?.length ?? 0) > 1) {
        error(
          input,
          input.labels.partners,
          "В файле несколько участников с таким ФИО: непонятно, о ком речь.",
        );
        continue;
      }
      if (!slot) {
        const ref = pickReference(byName.get(partner.name.key), partnerRole);
        if (ref.ambiguous) {
          error(
            input,
            input.labels.partners,
            "В реестре несколько участников с таким ФИО: составьте пару вручную.",
          );
          continue;
        }
        if (!ref.person && !options.confirmNew) {
          error(
            input,
            input.labels.partners,
            `${partnerRole === "mentor" ? "Наставника" : "Наставляемого"} нет ни в реестре, ни в файле: исправьте ФИО или отметьте ${CONFIRM}, чтобы добавить его в реестр.`,
          );
          continue;
        }
        slot = ref.person
          ? { existing: ref.person.id }
          : create({
              ...partner.name,
              birthYear: null,
              category:
                partnerRole === "mentor"
                  ? mentorCategory(input.format)
                  : menteeCategory(input.format, snap.orgKind, null, year),
              workplace: partner.workplace,
            });
        references.set(partner.name.key, slot);
      }
      if (!("existing" in slot) && !inFile) {
        const { surname, name, patronymic } = partner.name;
        const full = [surname, name, patronymic].filter(Boolean).join(" ");
        note(proposedPersons, slotKey(slot), { name: full, role: partnerRole }, input.line);
      }
      fill(slot, null, partner.workplace);
      profile(partnerRole, slot, {});
      const [mentor, mentee] = kind === "mentees" ? [slot, own] : [own, slot];
      if (slotKey(mentor) === slotKey(mentee)) {
        error(input, input.labels.partners, "Наставник и наставляемый — один и тот же человек.");
        continue;
      }
      const format = input.format!;
      const unfit = formatMismatch(format, category(mentor), category(mentee));
      if (unfit) {
        error(input, input.labels.format, unfit);
        continue;
      }
      if (registeredPairProgramme(snap, format, mentor, mentee, input.pair!.entryDate) === undefined) {
        const programme = formatProgramme(plan, snap, format, today);
        if (programme.id == null && !options.confirmNew) {
          error(
            input,
            input.labels.format,
            `Для этой формы наставничества нужна новая программа: отметьте ${CONFIRM} или сначала создайте программу в реестре.`,
          );
          continue;
        }
        if (programme.id == null) note(proposedProgrammes, format, { name: programme.title }, input.line);
      }
      addPair(plan, snap, kind, input, format, mentor, mentee, today);
    }
  }
  /** A row's main person: the year of birth as it will be, and whether a consent date is, or will be, on file. */
  const describe = (s: Slot) => {
    const planned = (primaryRole === "mentor" ? plan.mentorProfiles : plan.menteeProfiles).get(slotKey(s));
    const given = Boolean(planned?.fields.consentDate);
    if (!("existing" in s)) return { ...plan.newPersons[s.created], consent: given };
    const p = byId.get(s.existing)!;
    return {
      ...p,
      birthYear: p.birthYear ?? plan.fills.get(p.id)?.birthYear ?? null,
      consent: given || (primaryRole === "mentor" ? p.mentorConsent : p.menteeConsent),
    };
  };
  // 152-ФЗ: a minor's data is kept only on the written consent of a legal representative, in either role.
  for (const input of inputs) {
    if (errorRows.has(input.line)) continue;
    const p = describe(rowSlot.get(input)!);
    if (minorOf(p, year) && !p.consent)
      error(
        input,
        input.labels.consent,
        `${consentLabel(ROLE_GENITIVE[primaryRole], true)} на обработку персональных данных не указана: участнику нет 18 лет, без согласия строку не загрузить.`,
      );
  }
  const proposed = {
    persons: [...proposedPersons.values()],
    programmes: [...proposedProgrammes.values()],
  };
  return { plan, issues, duplicates, errorRows, rowSlot, describe, proposed };
}
