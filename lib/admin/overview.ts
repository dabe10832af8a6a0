import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import { auditScope } from "@/lib/admin/audit/queries";
import type { SessionUser } from "@/lib/auth/roles";

export interface RegionOverview {
  municipalities: number;
  organisations: number;
  users: number;
  persons: number;
  programmes: number;
  reports: number;
  /** The audit records the admin may read (the region's, as on «Журнал»), not the whole country's. */
  audit: number;
}

/** Counts of what the admin's region holds, for the admin's home page. */
export async function regionOverview(user: SessionUser): Promise<RegionOverview> {
  const db = await getDb();
  const regionId = user.regionId ?? -1;
  const [c] = await execRows<Record<keyof RegionOverview, number>>(
    db,
    sql`select
      (select count(*)::int from municipalities where region_id = ${regionId} and not archived) as municipalities,
      (select count(*)::int from organisations o join municipalities m on m.id = o.municipality_id where m.region_id = ${regionId} and not o.archived) as organisations,
      (select count(*)::int from users where active and (region_id = ${regionId}
         or municipality_id in (select id from municipalities where region_id = ${regionId})
         or organisation_id in (select o.id from organisations o join municipalities m on m.id = o.municipality_id where m.region_id = ${regionId}))) as users,
      (select count(*)::int from persons p join organisations o on o.id = p.organisation_id join municipalities m on m.id = o.municipality_id where m.region_id = ${regionId} and not p.archived) as persons,
      (select count(*)::int from programmes p join organisations o on o.id = p.organisation_id join municipalities m on m.id = o.municipality_id where m.region_id = ${regionId} and not p.archived) as programmes,
      (select count(*)::int from reports r join organisations o on o.id = r.organisation_id join municipalities m on m.id = o.municipality_id where m.region_id = ${regionId}) as reports,
      (select count(*)::int from audit_log where ${auditScope(user)}) as audit`,
  );
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)])) as unknown as RegionOverview;
}
