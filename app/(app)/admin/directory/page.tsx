import type { Metadata } from "next";
import Link from "next/link";
import { CreateMunicipalityForm, MunicipalityEditor } from "@/components/admin/municipality-forms";
import { Badge } from "@/components/ui/badge";
import { Card, PageTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listMunicipalities } from "@/lib/admin/directory/queries";
import { MUNICIPALITY_KIND_LABELS } from "@/lib/admin/directory/schemas";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion } from "@/lib/auth/scoped";

export const metadata: Metadata = { title: "Справочник" };

const link =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100";

export default async function DirectoryPage() {
  const user = await requireUser(rolesWith("administerRegion"));
  const { region, rows } = await listMunicipalities(await pageScope(scopeAdminRegion(user)));
  return (
    <>
      <PageTitle subtitle={`${region.name}: муниципалитеты и образовательные организации`}>
        Справочник
      </PageTitle>
      <div className="mb-6 flex flex-wrap gap-2">
        <Link href="/admin/directory/organisations" className={link}>
          Организации
        </Link>
        <Link href="/admin/directory/organisations/new" className={link}>
          Добавить организацию
        </Link>
        <Link href="/admin/directory/import" className={link}>
          Импорт списка (форма 1)
        </Link>
      </div>
      <Card title="Новый муниципалитет" className="mb-6">
        <CreateMunicipalityForm regionId={region.id} />
      </Card>
      <Card title={`Муниципалитеты: ${rows.length}`}>
        <Table caption="Муниципалитеты региона">
          <thead>
            <tr>
              <Th>Название</Th>
              <Th>Вид</Th>
              <Th className="text-right">Организаций</Th>
              <Th>Действия</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <Td>
                  <Link
                    href={`/admin/directory/organisations?m=${m.id}`}
                    className="text-brand-700 hover:underline"
                  >
                    {m.name}
                  </Link>{" "}
                  {m.archived && <Badge tone="amber">в архиве</Badge>}
                </Td>
                <Td>{MUNICIPALITY_KIND_LABELS[m.kind]}</Td>
                <Td className="text-right tabular-nums">{m.organisations}</Td>
                <Td>
                  <MunicipalityEditor
                    key={m.updatedAt.toISOString()}
                    archived={m.archived}
                    initial={{
                      municipalityId: m.id,
                      updatedAt: m.updatedAt.toISOString(),
                      name: m.name,
                      kind: m.kind,
                    }}
                  />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
