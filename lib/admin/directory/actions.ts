"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { scopeMunicipality, scopeOrg } from "@/lib/auth/scoped";
import { importOrganisations } from "../import/apply";
import { importOrganisationsSchema } from "../import/schemas";
import { archiveMunicipality, createMunicipality, updateMunicipality } from "./municipalities";
import { archiveOrganisation, createOrganisation, updateOrganisation } from "./organisations";
import { scopeDirectoryRegion } from "./scope";
import {
  archiveMunicipalitySchema,
  archiveOrganisationSchema,
  createMunicipalitySchema,
  createOrganisationSchema,
  updateMunicipalitySchema,
  updateOrganisationSchema,
} from "./schemas";

const ADMINS = rolesWith("administerRegion");
const done = () => revalidatePath("/admin/directory", "layout");

export const createMunicipalityAction = authorizedAction(
  {
    name: "createMunicipality",
    roles: ADMINS,
    schema: createMunicipalitySchema,
    scope: (input, user) => scopeDirectoryRegion(user, input.regionId),
  },
  async (input, user, region) => {
    const m = await createMunicipality(user, region, input);
    done();
    return { id: m.id, slug: m.slug };
  },
);

export const updateMunicipalityAction = authorizedAction(
  {
    name: "updateMunicipality",
    roles: ADMINS,
    schema: updateMunicipalitySchema,
    scope: (input, user) => scopeMunicipality(user, input.municipalityId),
  },
  async (input, user, municipality) => {
    const m = await updateMunicipality(user, municipality, input);
    done();
    return { updatedAt: m.updatedAt.toISOString() };
  },
);

export const archiveMunicipalityAction = authorizedAction(
  {
    name: "archiveMunicipality",
    roles: ADMINS,
    schema: archiveMunicipalitySchema,
    scope: (input, user) => scopeMunicipality(user, input.municipalityId),
  },
  async (input, user, municipality) => {
    const m = await archiveMunicipality(user, municipality, input);
    done();
    return { archived: m.archived, updatedAt: m.updatedAt.toISOString() };
  },
);

export const createOrganisationAction = authorizedAction(
  {
    name: "createOrganisation",
    roles: ADMINS,
    schema: createOrganisationSchema,
    scope: (input, user) => scopeMunicipality(user, input.municipalityId),
  },
  async (input, user, municipality) => {
    const org = await createOrganisation(user, municipality, input);
    done();
    return { id: org.id, slug: org.slug };
  },
);

export const updateOrganisationAction = authorizedAction(
  {
    name: "updateOrganisation",
    roles: ADMINS,
    schema: updateOrganisationSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, scoped) => {
    const org = await updateOrganisation(user, scoped, input);
    done();
    revalidatePath(`/orgs/${org.id}`);
    return { updatedAt: org.updatedAt.toISOString() };
  },
);

export const archiveOrganisationAction = authorizedAction(
  {
    name: "archiveOrganisation",
    roles: ADMINS,
    schema: archiveOrganisationSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, scoped) => {
    const org = await archiveOrganisation(user, scoped, input);
    done();
    return { archived: org.archived, updatedAt: org.updatedAt.toISOString() };
  },
);

export const importOrganisationsAction = authorizedAction(
  {
    name: "importOrganisations",
    roles: ADMINS,
    schema: importOrganisationsSchema,
    scope: (input, user) => scopeDirectoryRegion(user, input.regionId),
  },
  async (input, user, region) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const result = await importOrganisations(user, region, {
      mode: input.mode,
      fileName: input.file.name,
      bytes,
    });
    if (result.written) done();
    return result;
  },
);
