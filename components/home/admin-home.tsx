import { PageTitle, Stat } from "@/components/ui/card";
import { regionOverview } from "@/lib/admin/overview";
import type { SessionUser } from "@/lib/auth/roles";
import { formatNumber } from "@/lib/format";

/** Counts of what the region's database holds. */
export async function AdminHome({ user, regionName }: { user: SessionUser; regionName: string }) {
  const c = await regionOverview(user);
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
          <Stat key={label} label={label} value={formatNumber(value)} />
        ))}
      </div>
    </>
  );
}
