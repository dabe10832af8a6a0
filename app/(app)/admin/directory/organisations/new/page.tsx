import type { Metadata } from "next";
import Link from "next/link";
import { CreateOrganisationForm } from "@/components/admin/organisation-create-form";
import { Card, PageTitle } from "@/components/ui/card";
import { municipalityOptions } from "@/lib/admin/directory/queries";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { scopeAdminRegion } from "@/lib/auth/scoped";

export const metadata: Metadata = { title: "Новая организация" };

export default async function NewOrganisationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser(rolesWith("administerRegion"));
  const m = (await searchParams).m;
  const municipalities = await municipalityOptions(await pageScope(scopeAdminRegion(user)));
  return (
    <>
      <PageTitle subtitle="Адрес публичной страницы организации составится из названий муниципалитета и организации латиницей.">
        Новая организация
      </PageTitle>
      <p className="mb-4 text-sm">
        <Link href="/admin/directory/organisations" className="text-brand-700 underline">
          ← К организациям
        </Link>
      </p>
      <Card>
        <CreateOrganisationForm
          municipalities={municipalities}
          municipalityId={municipalities.some(([v]) => v === m) ? m : undefined}
        />
      </Card>
    </>
  );
}
