import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { CopySnippet } from "@/components/public/copy-snippet";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { scopeOrg } from "@/lib/auth/scoped";
import { organisationCard } from "@/lib/organisations/queries";
import { embedPath, orgPath } from "@/lib/public/links";
import { embedSnippet, publicOrigin } from "@/lib/public/origin";

export const metadata: Metadata = { title: "Публичная страница" };

const link = "text-brand-700 underline";

/** The curator's (or the admin's, with ?org=) settings of the public page: the address, the embed code, a preview. */
export default async function PublicPageSettings({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(rolesWith("editOrganisation"));
  const params = await searchParams;
  if (user.role === "admin" && !params.org) {
    return (
      <>
        <PageTitle>Публичная страница</PageTitle>
        <p>
          Выберите организацию в{" "}
          <Link href="/orgs" className={link}>
            списке организаций
          </Link>{" "}
          и откройте эту страницу с её номером: /settings/public-page?org=…
        </p>
      </>
    );
  }
  const id = user.role === "curator" ? user.organisationId : Number([params.org].flat()[0]);
  const { org } = await organisationCard(await pageScope(scopeOrg(user, id, "edit")));
  const origin = await publicOrigin();
  const pageUrl = `${origin}${orgPath(org.slug)}`;
  return (
    <>
      <PageTitle subtitle={org.shortName}>Публичная страница «Наставничество»</PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Адрес страницы">
          <p className="mb-2 text-sm text-slate-700">
            Страница собирается из реестров и принятых отчётов и обновляется сама, когда вы меняете документы,
            мероприятия, программы или когда отчёт принят. Имён обучающихся на ней нет.
          </p>
          <p className="break-all">
            <a href={orgPath(org.slug)} className={link} target="_blank" rel="noopener">
              {pageUrl}
            </a>
          </p>
          <p className="mt-2 text-sm text-slate-700">
            Версия для слабовидящих:{" "}
            <a href={`${orgPath(org.slug)}?vi=1`} className={link} target="_blank" rel="noopener">
              {pageUrl}?vi=1
            </a>
          </p>
        </Card>
        <Card title="Вставка на сайт школы">
          <p className="mb-3 text-sm text-slate-700">
            Вставьте код один раз на страницу «Наставничество» сайта организации. Раздел появится в рамке и
            сам подстроит высоту; ничего обновлять вручную не нужно.
          </p>
          <CopySnippet code={embedSnippet(origin, org.slug)} />
        </Card>
      </div>
      <Card title="Как это выглядит на сайте" className="mt-6">
        <iframe
          src={embedPath(org.slug)}
          title={`Предпросмотр: ${org.shortName}`}
          className="h-[640px] w-full rounded-md border border-slate-300 bg-white"
        />
      </Card>
    </>
  );
}
