import type { Metadata } from "next";
import Link from "next/link";
import { RoadmapView } from "@/components/roadmap/roadmap-view";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { municipalitiesRoadmapSummary } from "@/lib/roadmap/queries";
import { scopeRoadmap } from "@/lib/roadmap/scope";
import { regionClock } from "@/lib/territory/clock";

export const metadata: Metadata = { title: "Дорожная карта региона" };

export default async function RegionRoadmapPage() {
  const user = await requireUser(rolesWith("viewRegion"));
  const owner = await pageScope(scopeRoadmap(user, "region", user.regionId, "view"));
  const today = (await regionClock(owner.regionId)).today();
  const munis = await municipalitiesRoadmapSummary(owner.regionId, today);
  return (
    <RoadmapView user={user} owner={owner} today={today}>
      <Card title="Дорожные карты муниципалитетов и организаций" className="mb-6">
        <Table caption="Дорожные карты муниципалитетов и организаций" region>
          <thead>
            <tr>
              <Th>Муниципалитет</Th>
              <Th className="text-right">Мероприятий муниципалитета</Th>
              <Th className="text-right">из них просрочено</Th>
              <Th className="text-right">Организаций с дорожной картой</Th>
              <Th className="text-right">Мероприятий организаций</Th>
              <Th className="text-right">из них просрочено</Th>
            </tr>
          </thead>
          <tbody>
            {munis.map((m) => (
              <tr key={m.id}>
                <Td>
                  <Link href={`/roadmap/municipality/${m.id}`} className="text-blue-800 hover:underline">
                    {m.name}
                  </Link>
                </Td>
                <Td className="text-right tabular-nums">{m.ownItems}</Td>
                <Td className={`text-right tabular-nums ${m.ownOverdue ? "font-semibold text-red-800" : ""}`}>
                  {m.ownOverdue}
                </Td>
                <Td className="text-right tabular-nums">{m.orgs}</Td>
                <Td className="text-right tabular-nums">{m.orgItems}</Td>
                <Td className={`text-right tabular-nums ${m.orgOverdue ? "font-semibold text-red-800" : ""}`}>
                  {m.orgOverdue}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </RoadmapView>
  );
}
