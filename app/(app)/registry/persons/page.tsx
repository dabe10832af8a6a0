import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { PersonFilters } from "@/components/registry/persons/filters";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { formatNumber } from "@/lib/format";
import { registryContext, withOrg } from "@/lib/registry/context";
import { listPersons, personFilterSchema, programmeOptions } from "@/lib/registry/persons/queries";
import { CATEGORY_LABELS } from "@/lib/reports/domain";

export const metadata: Metadata = { title: "Участники" };

type Search = Promise<Record<string, string | undefined>>;

export default async function PersonsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser(rolesWith("readRegisters"));
  const params = await searchParams;
  const { scope, org, canEdit, orgQuery } = await registryContext(user, params.org);
  const f = personFilterSchema.parse(params);
  const [list, programmes] = await Promise.all([listPersons(scope, f), programmeOptions(scope)]);
  return (
    <>
      <RegistryHeader
        title="Участники: наставники и наставляемые"
        orgName={org.shortName}
        canEdit={canEdit}
        actions={
          canEdit ? (
            <ButtonLink href={withOrg("/registry/persons/new", orgQuery)}>Добавить участника</ButtonLink>
          ) : null
        }
      />
      <PersonFilters f={f} org={orgQuery ? String(org.id) : ""} programmes={programmes} />
      <Card>
        <p className="mb-3 text-sm text-slate-600" role="status">
          Найдено: {formatNumber(list.total)}
        </p>
        {list.rows.length === 0 ? (
          <p className="py-6 text-center text-slate-600">
            {f.q || f.category || f.role || f.format || f.programme || f.year || f.status !== "current"
              ? "Никого не нашлось. Измените условия поиска."
              : "Реестр пуст. Добавьте участников вручную или загрузите файл Excel на вкладке «Импорт и экспорт»."}
          </p>
        ) : (
          <Table caption="Участники реестра">
            <thead>
              <tr>
                <Th>ФИО</Th>
                <Th>Категория</Th>
                <Th className="text-right">Год рождения</Th>
                <Th>Роль</Th>
                <Th className="text-right">Действующих пар</Th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((p) => (
                <tr key={p.id}>
                  <Td>
                    <Link
                      href={withOrg(`/registry/persons/${p.id}`, orgQuery)}
                      className="text-brand-700 hover:underline"
                    >
                      {p.surname} {p.name} {p.patronymic}
                    </Link>
                    {p.archived && <span className="ml-2 text-xs text-slate-500">(в архиве)</span>}
                  </Td>
                  <Td>
                    {CATEGORY_LABELS[p.category]}
                    {p.grade ? `, ${p.grade}` : ""}
                  </Td>
                  <Td className="text-right tabular-nums">{p.birthYear ?? "—"}</Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      {p.isMentor && <Badge tone="blue">наставник</Badge>}
                      {p.isMentee && <Badge tone="green">наставляемый</Badge>}
                    </span>
                  </Td>
                  <Td className="text-right tabular-nums">{p.activePairs}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pager
          page={f.page}
          pages={list.pages}
          params={{ ...params, page: undefined }}
          path="/registry/persons"
        />
      </Card>
    </>
  );
}
