import type { Metadata } from "next";
import { ImportPanel } from "@/components/registry/import/import-panel";
import { RegistryHeader } from "@/components/registry/header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { COLUMNS } from "@/lib/registry/import/columns";
import { registryContext } from "@/lib/registry/context";
import { REGISTER_KINDS, REGISTER_TITLES } from "@/lib/registry/import/types";

export const metadata: Metadata = { title: "Импорт и экспорт реестров" };

export default async function RegistryImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(rolesWith("readRegisters"));
  const ctx = await registryContext(user, (await searchParams).org);
  return (
    <>
      <RegistryHeader title="Импорт и экспорт реестров" orgName={ctx.org.shortName} canEdit={ctx.canEdit} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Загрузка из Excel или CSV" className="lg:col-span-2">
          {ctx.canEdit ? (
            <ImportPanel orgId={ctx.org.id} />
          ) : (
            <p className="text-sm text-slate-700">Загружать файлы в реестры может куратор организации.</p>
          )}
        </Card>
        <div className="space-y-6">
          <Card title="Выгрузка в Excel">
            <p className="mb-3 text-sm text-slate-600">
              Реестры в форме приложения 3 к приказу: те же столбцы, что и при загрузке.
            </p>
            <ul className="space-y-2">
              {REGISTER_KINDS.map((kind) => (
                <li key={kind}>
                  <a
                    href={`/api/registry/export?kind=${kind}&org=${ctx.org.id}`}
                    download
                    className="text-brand-700 text-sm font-medium underline underline-offset-2"
                  >
                    {REGISTER_TITLES[kind]} (XLSX)
                  </a>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Какие столбцы нужны">
            <p className="mb-2 text-sm text-slate-600">
              Строка заголовков может стоять не первой (над ней — название); порядок столбцов любой, лишние
              столбцы пропускаются. Даты — ДД.ММ.ГГГГ или даты Excel.
            </p>
            {REGISTER_KINDS.map((kind) => (
              <details key={kind} className="mb-2 text-sm">
                <summary className="cursor-pointer font-medium text-slate-800">
                  {REGISTER_TITLES[kind]}
                </summary>
                <ol className="mt-1 list-decimal pl-5 text-slate-700">
                  {Object.values(COLUMNS[kind]).map((labels) => (
                    <li key={labels[0]}>{labels[0]}</li>
                  ))}
                </ol>
              </details>
            ))}
          </Card>
        </div>
      </div>
    </>
  );
}
