import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { RegistryHeader } from "@/components/registry/header";
import { PersonForm } from "@/components/registry/persons/person-form";
import { requireUser } from "@/lib/auth/guard";
import { rolesWith } from "@/lib/auth/rules";
import { registryContext, withOrg } from "@/lib/registry/context";

export const metadata: Metadata = { title: "Новый участник" };

export default async function NewPersonPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser(rolesWith("editOrganisation"));
  const { org, canEdit, orgQuery } = await registryContext(user, (await searchParams).org);
  if (!canEdit) notFound();
  return (
    <>
      <RegistryHeader title="Новый участник" orgName={org.shortName} canEdit={canEdit} />
      <Card>
        <PersonForm
          backHref={withOrg("/registry/persons", orgQuery)}
          initial={{
            organisationId: org.id,
            surname: "",
            name: "",
            patronymic: "",
            birthYear: "",
            category: "pupil",
            // No role is assumed: the consent asked for follows the role the curator ticks.
            isMentor: false,
            isMentee: false,
          }}
        />
      </Card>
    </>
  );
}
