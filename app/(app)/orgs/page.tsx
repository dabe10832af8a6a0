import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/guard";
import { countOf, formatNumber } from "@/lib/format";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";
import { listOrganisations } from "@/lib/organisations/queries";

export const metadata: Metadata = { title: "Организации" };

export default async function OrganisationsPage() {
  const user = await requireUser();
  if (user.role === "curator") redirect(`/orgs/${user.organisationId}`);
  // The federal level reaches an organisation through the indicators (region → municipality), not a list of all.
  if (user.role === "federal") redirect("/indicators");
  const orgs = await listOrganisations(user);
  return (
    <>
      <PageTitle subtitle={countOf(orgs.length, "организация", "организации", "организаций")}>
        Организации
      </PageTitle>
      <Card>
        <Table caption="Организации">
          <thead>
            <tr>
              <Th>Организация</Th>
              <Th>Тип</Th>
              {user.role !== "coordinator" && <Th>Муниципалитет</Th>}
              <Th className="text-right">Обучающихся 10–18 лет</Th>
              <Th className="text-right">Педагогов</Th>
            </tr>
          </thead>
          <tbody>
            {orgs.map((o) => (
              <tr key={o.id}>
                <Td>
                  <Link href={`/orgs/${o.id}`} className="text-brand-700 hover:underline">
                    {o.shortName}
                  </Link>
                </Td>
                <Td className="text-slate-600">{ORGANISATION_KIND_LABELS[o.kind]}</Td>
                {user.role !== "coordinator" && <Td>{o.municipality}</Td>}
                <Td className="text-right tabular-nums">{formatNumber(o.learners10to18)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(o.teachingStaff)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
