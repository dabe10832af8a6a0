import type { Metadata } from "next";
import Link from "next/link";
import { OrganisationImportPanel } from "@/components/admin/import-panel";
import { Card, PageTitle } from "@/components/ui/card";
import { FORM1_COLUMNS } from "@/lib/admin/import/form1";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion } from "@/lib/auth/scoped";

export const metadata: Metadata = { title: "Импорт организаций" };

export default async function ImportOrganisationsPage() {
  const user = await requireUser(rolesWith("administerRegion"));
  const region = await pageScope(scopeAdminRegion(user));
  return (
    <>
      <PageTitle subtitle="Список организаций в форме 1: новые добавляются, уже известные обновляются.">
        Импорт организаций
      </PageTitle>
      <p className="mb-4 text-sm">
        <Link href="/admin/directory" className="text-brand-700 underline">
          ← Справочник
        </Link>
      </p>
      <Card title="Как подготовить файл" className="mb-6">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>
            Столбцы формы 1:{" "}
            {Object.values(FORM1_COLUMNS)
              .map((c) => `«${c.title}»${c.required ? "" : " (необязательно)"}`)
              .join("; ")}
            . Другие столбцы не читаются.
          </li>
          <li>Пустая ячейка муниципального района значит «тот же, что выше» (как в объединённых ячейках).</li>
          <li>
            Муниципалитеты должны быть в справочнике: «Саргатский» найдёт «Саргатский муниципальный район».
          </li>
          <li>
            Строки «Итого» пропускаются. Пока в файле есть ошибки, ничего не записывается — если не выбрать
            «только верные строки».
          </li>
        </ul>
      </Card>
      <Card>
        <OrganisationImportPanel regionId={region.id} />
      </Card>
    </>
  );
}
