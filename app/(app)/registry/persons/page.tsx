import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Table, Th } from "@/components/ui/table";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { PersonFilters } from "@/components/registry/persons/filters";
import { PersonRows } from "@/components/registry/persons/person-rows";
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
            <PersonRows
              suffix={withOrg("", orgQuery)}
              rows={list.rows.map((p) => [
                p.id,
                `${p.surname} ${p.name} ${p.patronymic}`.trim(),
                p.archived,
                `${CATEGORY_LABELS[p.category]}${p.grade ? `, ${p.grade}` : ""}`,
                p.birthYear,
                p.isMentor,
                p.isMentee,
                p.activePairs,
              ])}
            />
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
