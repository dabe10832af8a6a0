import { sql } from "drizzle-orm";
import { PageTitle, Stat } from "@/components/ui/card";
import { getDb } from "@/db";
import { execRows } from "@/db/client";
import type { SessionUser } from "@/lib/auth/roles";
import { formatNumber } from "@/lib/format";

/** Counts of what the region's database holds. */
export async function AdminHome({ user, regionName }: { user: SessionUser; regionName: string }) {
  const db = await getDb();
  const regionId = user.regionId ?? -1;
  const [c] = await execRows<Record<string, number>>(
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
      (select count(*)::int from audit_log) as audit`,
  );
  const items: [string, number][] = [
    ["Муниципалитетов", c.municipalities],
    ["Организаций", c.organisations],
    ["Активных пользователей", c.users],
    ["Участников в реестрах", c.persons],
    ["Программ наставничества", c.programmes],
    ["Квартальных отчётов", c.reports],
    ["Записей журнала аудита", c.audit],
  ];
  return (
    <>
      <PageTitle subtitle="Администрирование: что хранит система">{regionName}</PageTitle>
      <div className="mb-8 grid grid-cols-2 gap-4 md:grid-cols-4">
        {items.map(([label, value]) => (
          <Stat key={label} label={label} value={formatNumber(Number(value))} />
        ))}
      </div>
    </>
  );
}
