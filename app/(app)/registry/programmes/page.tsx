import type { Metadata } from "next";
import { ProgrammeFilters } from "@/components/registry/programmes/filters";
import { ProgrammesTable } from "@/components/registry/programmes/programmes-table";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { formatNumber } from "@/lib/format";
import { registryContext, withOrg } from "@/lib/registry/context";
import { filterParams, parseProgrammeFilters } from "@/lib/registry/programmes/filters";
import { listProgrammes } from "@/lib/registry/programmes/queries";

export const metadata: Metadata = { title: "Программы наставничества" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ProgrammesPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser(rolesWith("readRegisters"));
  const params = await searchParams;
  const { scope, org, canEdit, orgQuery } = await registryContext(user, params.org);
  const f = parseProgrammeFilters(params);
  const list = await listProgrammes(scope, f);
  const filtered = Boolean(f.q || f.format || f.stage || f.status);
  const orgParam = orgQuery ? String(org.id) : "";
  return (
    <>
      <RegistryHeader
        title="Программы наставничества"
        orgName={org.shortName}
        canEdit={canEdit}
        actions={
          canEdit ? (
            <ButtonLink href={withOrg("/registry/programmes/new", orgQuery)}>Новая программа</ButtonLink>
          ) : null
        }
      />
      <ProgrammeFilters f={f} org={orgParam} resetHref={withOrg("/registry/programmes", orgQuery)} />
      <Card>
        <p className="mb-3 text-sm text-slate-600" role="status">
          Найдено программ: {formatNumber(list.total)}
        </p>
        {list.rows.length === 0 ? (
          <p className="py-6 text-center text-slate-600">
            {filtered
              ? "Ничего не нашлось. Измените условия поиска."
              : canEdit
                ? "Программ пока нет. Создайте первую кнопкой «Новая программа»."
                : "У организации пока нет программ наставничества."}
          </p>
        ) : (
          <ProgrammesTable
            rows={list.rows}
            hrefOf={(id) => withOrg(`/registry/programmes/${id}`, orgQuery)}
          />
        )}
        <Pager
          page={f.page}
          pages={list.pages}
          path="/registry/programmes"
          params={{ org: orgParam || undefined, ...filterParams(f) }}
        />
      </Card>
    </>
  );
}
