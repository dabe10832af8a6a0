/** Row types of the generated data (drizzle insert shapes with explicit ids) and the id counters. */
import type * as s from "@/db/schema";

type WithId<T> = T & { id: number };

export type RegionRow = WithId<typeof s.regions.$inferInsert>;
export type MunicipalityRow = WithId<typeof s.municipalities.$inferInsert>;
export type OrganisationRow = WithId<typeof s.organisations.$inferInsert>;
export type UserRow = WithId<typeof s.users.$inferInsert>;
export type PersonRow = WithId<typeof s.persons.$inferInsert> & {
  category: NonNullable<(typeof s.persons.$inferInsert)["category"]>;
};
export type MentorProfileRow = typeof s.mentorProfiles.$inferInsert;
export type MenteeProfileRow = typeof s.menteeProfiles.$inferInsert;
export type ProgrammeRow = WithId<typeof s.programmes.$inferInsert>;
export type MentorshipRow = WithId<typeof s.mentorships.$inferInsert> & { endDate: string | null };
export type DocumentRow = WithId<typeof s.documents.$inferInsert>;
export type EventRow = WithId<typeof s.events.$inferInsert>;
export type PeriodRow = typeof s.periods.$inferInsert;
export type ReportRowDb = WithId<typeof s.reports.$inferInsert>;
export type TransitionRow = WithId<typeof s.reportTransitions.$inferInsert>;
export type TargetRow = WithId<typeof s.targets.$inferInsert>;
export type SettingRow = typeof s.settings.$inferInsert;

/** Explicit ids, handed out in generation order (the database is empty when the demo is seeded). */
export class Ids {
  private counters = new Map<string, number>();
  next(table: string): number {
    const n = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, n);
    return n;
  }
}

/** One organisation's registers, kept together for computing its reports. */
export interface OrgRegisters {
  persons: PersonRow[];
  mentorProfiles: MentorProfileRow[];
  menteeProfiles: MenteeProfileRow[];
  programmes: ProgrammeRow[];
  mentorships: MentorshipRow[];
}
