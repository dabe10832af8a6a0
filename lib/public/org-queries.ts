import "server-only";
import { and, asc, countDistinct, desc, eq, inArray, isNotNull, lte, not } from "drizzle-orm";
import { getDb } from "@/db";
import {
  mentorProfiles,
  mentorships,
  municipalities,
  organisations,
  persons,
  programmes,
  regions,
} from "@/db/schema";
import { FORMAT_LABELS, FORMATS } from "@/lib/reports/domain";
import { STAGE_LABELS } from "@/lib/registry/formats";
import { LEARNER_CATEGORIES, mayPublishName } from "./privacy";
import type { FormatCount, PublicOrg, PublicProgramme } from "./types";

/** A live (not archived) organisation by slug or id, with its municipality and region; null when there is none. */
export async function findPublicOrg(by: { slug: string } | { id: number }): Promise<PublicOrg | null> {
  const db = await getDb();
  const [row] = await db
    .select({ o: organisations, m: municipalities, r: regions })
    .from(organisations)
    .innerJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .where(
      and(
        "slug" in by ? eq(organisations.slug, by.slug) : eq(organisations.id, by.id),
        eq(organisations.archived, false),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { o, m, r } = row;
  return {
    id: o.id,
    slug: o.slug,
    fullName: o.fullName,
    shortName: o.shortName,
    address: o.address,
    website: o.website,
    phone: o.phone,
    email: o.email,
    curatorName: o.curatorName,
    curatorContact: o.curatorContact,
    municipality: { id: m.id, name: m.name, slug: m.slug },
    region: { id: r.id, name: r.name, code: r.code },
  };
}

const live = (organisationId: number) =>
  and(eq(mentorships.organisationId, organisationId), eq(mentorships.archived, false));

/** Programmes with distinct mentors and mentees of their live pairs, and the names adults allowed to publish. */
export async function publicProgrammes(organisationId: number, year: number): Promise<PublicProgramme[]> {
  const db = await getDb();
  const [rows, counts, named] = await Promise.all([
    db
      .select()
      .from(programmes)
      .where(and(eq(programmes.organisationId, organisationId), eq(programmes.archived, false)))
      .orderBy(desc(programmes.bestPractice), desc(programmes.startDate), asc(programmes.title)),
    db
      .select({
        id: mentorships.programmeId,
        mentors: countDistinct(mentorships.mentorId),
        mentees: countDistinct(mentorships.menteeId),
      })
      .from(mentorships)
      .where(live(organisationId))
      .groupBy(mentorships.programmeId),
    db
      .selectDistinct({
        programmeId: mentorships.programmeId,
        surname: persons.surname,
        name: persons.name,
        patronymic: persons.patronymic,
        category: persons.category,
        birthYear: persons.birthYear,
        publishName: mentorProfiles.publishName,
      })
      .from(mentorships)
      .innerJoin(persons, eq(persons.id, mentorships.mentorId))
      .innerJoin(mentorProfiles, eq(mentorProfiles.personId, persons.id))
      .where(
        and(
          live(organisationId),
          eq(persons.archived, false),
          eq(mentorProfiles.publishName, true),
          not(inArray(persons.category, [...LEARNER_CATEGORIES])),
          isNotNull(persons.birthYear),
          lte(persons.birthYear, year - 18),
        ),
      ),
  ]);
  const countOf = new Map(counts.map((c) => [c.id, c]));
  const namesOf = new Map<number, string[]>();
  for (const p of named) {
    if (!mayPublishName(p, year)) continue;
    const list = namesOf.get(p.programmeId) ?? [];
    list.push([p.surname, p.name, p.patronymic].filter(Boolean).join(" "));
    namesOf.set(p.programmeId, list);
  }
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    format: p.format,
    formatLabel: FORMAT_LABELS[p.format],
    roleModel: p.roleModel,
    goal: p.goal,
    stageLabel: STAGE_LABELS[p.stage],
    startDate: p.startDate,
    endDate: p.endDate,
    expectedResults: p.expectedResults,
    achievedResults: p.achievedResults,
    bestPractice: p.bestPractice,
    mentors: Number(countOf.get(p.id)?.mentors ?? 0),
    mentees: Number(countOf.get(p.id)?.mentees ?? 0),
    mentorNames: [...new Set(namesOf.get(p.id) ?? [])].sort((a, b) => a.localeCompare(b, "ru")),
  }));
}

/** Distinct mentors and mentees of live pairs by format, and in all (a person in two formats counts once). */
export async function countsByFormat(organisationId: number): Promise<FormatCount[]> {
  const db = await getDb();
  const where = and(live(organisationId), eq(programmes.archived, false));
  const people = {
    mentors: countDistinct(mentorships.mentorId),
    mentees: countDistinct(mentorships.menteeId),
  };
  const [rows, [all]] = await Promise.all([
    db
      .select({ format: programmes.format, ...people })
      .from(mentorships)
      .innerJoin(programmes, eq(programmes.id, mentorships.programmeId))
      .where(where)
      .groupBy(programmes.format),
    db
      .select(people)
      .from(mentorships)
      .innerJoin(programmes, eq(programmes.id, mentorships.programmeId))
      .where(where),
  ]);
  const byFormat = new Map(rows.map((r) => [r.format, r]));
  const out: FormatCount[] = FORMATS.filter((f) => byFormat.has(f)).map((f) => ({
    format: f,
    label: FORMAT_LABELS[f],
    mentors: Number(byFormat.get(f)!.mentors),
    mentees: Number(byFormat.get(f)!.mentees),
  }));
  if (out.length > 0)
    out.push({
      format: "total",
      label: "Всего (без повторов)",
      mentors: Number(all?.mentors ?? 0),
      mentees: Number(all?.mentees ?? 0),
    });
  return out;
}
