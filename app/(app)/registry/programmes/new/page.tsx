import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateProgrammeForm } from "@/components/registry/programmes/create-form";
import { ButtonLink, RegistryHeader } from "@/components/registry/header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { registryContext, withOrg } from "@/lib/registry/context";

export const metadata: Metadata = { title: "Новая программа" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function NewProgrammePage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser(rolesWith("readRegisters"));
  const { org, canEdit, orgQuery } = await registryContext(user, (await searchParams).org);
  // A coordinator reads the registers only: there is nothing to show here.
  if (!canEdit) notFound();
  return (
    <>
      <RegistryHeader
        title="Новая программа наставничества"
        orgName={org.shortName}
        canEdit={canEdit}
        actions={
          <ButtonLink href={withOrg("/registry/programmes", orgQuery)} variant="secondary">
            К списку программ
          </ButtonLink>
        }
      />
      <Card>
        <CreateProgrammeForm organisationId={org.id} orgQuery={orgQuery} />
      </Card>
    </>
  );
}
