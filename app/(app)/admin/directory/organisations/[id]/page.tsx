import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveOrganisationButton, OrganisationDirectoryForm } from "@/components/admin/organisation-forms";
import { FormSuccess } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { Card, PageTitle } from "@/components/ui/card";
import { getDirectoryOrganisation, municipalityOptions } from "@/lib/admin/directory/queries";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion, scopeOrg } from "@/lib/auth/scoped";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Организация — справочник" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function DirectoryOrganisationPage({ params, searchParams }: Props) {
  const user = await requireUser(rolesWith("administerRegion"));
  const scoped = await pageScope(scopeOrg(user, Number((await params).id), "edit"));
  const { org, municipality } = await getDirectoryOrganisation(scoped);
  const municipalities = await municipalityOptions(await pageScope(scopeAdminRegion(user)));
  if (!municipalities.some(([v]) => v === String(org.municipalityId)))
    municipalities.unshift([String(org.municipalityId), `${municipality} (в архиве)`]);
  const created = (await searchParams).created === "1";
  return (
    <>
      <PageTitle
        subtitle={
          <>
            {municipality} ·{" "}
            {org.archived ? (
              "публичной страницы нет"
            ) : (
              <a href={`/org/${org.slug}`} className="text-brand-700 underline">
                публичная страница
              </a>
            )}{" "}
            {org.archived && <Badge tone="amber">в архиве</Badge>}
          </>
        }
      >
        {org.shortName}
      </PageTitle>
      <p className="mb-4 flex flex-wrap gap-4 text-sm">
        <Link href="/admin/directory/organisations" className="text-brand-700 underline">
          ← К организациям
        </Link>
        <Link href={`/orgs/${org.id}`} className="text-brand-700 underline">
          Карточка организации (реквизиты, контакты, численность)
        </Link>
      </p>
      {created && (
        <div className="mb-4">
          <FormSuccess message="Организация добавлена. Назначьте ей куратора в разделе «Пользователи»." />
        </div>
      )}
      <div className="grid gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2" title="Место в справочнике">
          <OrganisationDirectoryForm
            key={org.updatedAt.toISOString()}
            municipalities={municipalities}
            initial={{
              organisationId: org.id,
              updatedAt: org.updatedAt.toISOString(),
              municipalityId: String(org.municipalityId),
              kind: org.kind,
              joinedYear: org.joinedYear == null ? "" : String(org.joinedYear),
              obliged: org.obliged,
            }}
          />
        </Card>
        <Card title="Кратко">
          <dl className="space-y-1 text-sm">
            <dt className="text-slate-600">Директор</dt>
            <dd>{org.directorName || "—"}</dd>
            <dt className="text-slate-600">Обучающихся 10–18 лет / педагогов / молодых специалистов</dt>
            <dd className="tabular-nums">
              {formatNumber(org.learners10to18)} / {formatNumber(org.teachingStaff)} /{" "}
              {formatNumber(org.youngTeachers)}
            </dd>
          </dl>
          <div className="mt-4">
            <ArchiveOrganisationButton
              organisationId={org.id}
              updatedAt={org.updatedAt.toISOString()}
              archived={org.archived}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
