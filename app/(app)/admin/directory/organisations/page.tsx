import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, PageTitle } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { listDirectoryOrganisations, municipalityOptions } from "@/lib/admin/directory/queries";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion } from "@/lib/auth/scoped";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";

export const metadata: Metadata = { title: "Организации — справочник" };

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export default async function DirectoryOrganisationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser(rolesWith("administerRegion"));
  const region = await pageScope(scopeAdminRegion(user));
  const p = await searchParams;
  const municipalityId = Number(p.m) > 0 ? Number(p.m) : undefined;
  const archived = p.archived === "1";
  const [list, munis] = await Promise.all([
    listDirectoryOrganisations(region, { municipalityId, q: p.q, archived, page: Number(p.page) || 1 }),
    municipalityOptions(region),
  ]);
  return (
    <>
      <PageTitle subtitle={`Найдено: ${list.total}`}>Организации</PageTitle>
      <p className="mb-4 flex flex-wrap gap-4 text-sm">
        <Link href="/admin/directory" className="text-brand-700 underline">
          ← Справочник
        </Link>
        <Link
          href={`/admin/directory/organisations/new${municipalityId ? `?m=${municipalityId}` : ""}`}
          className="text-brand-700 underline"
        >
          Добавить организацию
        </Link>
        <Link href="/admin/directory/import" className="text-brand-700 underline">
          Импорт списка (форма 1)
        </Link>
      </p>
      <form
        method="get"
        role="search"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5"
      >
        <label className="col-span-2 text-sm font-medium text-slate-800">
          Наименование
          <input name="q" defaultValue={p.q} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          Муниципалитет
          <select name="m" defaultValue={p.m ?? ""} className={input}>
            <option value="">все</option>
            {munis.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          Показать
          <select name="archived" defaultValue={archived ? "1" : ""} className={input}>
            <option value="">действующие</option>
            <option value="1">в архиве</option>
          </select>
        </label>
        <div className="flex items-end">
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100"
          >
            Найти
          </button>
        </div>
      </form>
      <Card>
        <Table caption="Организации региона">
          <thead>
            <tr>
              <Th>Организация</Th>
              <Th>Тип</Th>
              <Th>Муниципалитет</Th>
              <Th>В модели с</Th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((o) => (
              <tr key={o.id}>
                <Td>
                  <Link
                    href={`/admin/directory/organisations/${o.id}`}
                    className="text-brand-700 hover:underline"
                  >
                    {o.shortName}
                  </Link>{" "}
                  {!o.obliged && <Badge>не обязана</Badge>}
                </Td>
                <Td className="text-slate-600">{ORGANISATION_KIND_LABELS[o.kind]}</Td>
                <Td>{o.municipality}</Td>
                <Td>{o.joinedYear ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <Pager
          page={list.page}
          pages={list.pages}
          params={{ q: p.q, m: p.m, archived: p.archived }}
          path="/admin/directory/organisations"
        />
      </Card>
    </>
  );
}
