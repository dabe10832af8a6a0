"use server";
import { revalidatePublic } from "@/lib/public/cache";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { importOrganisations } from "../import/apply";
import { importOrganisationsSchema } from "../import/schemas";
import { archiveMunicipality, createMunicipality, updateMunicipality } from "./municipalities";
import { archiveOrganisation, createOrganisation, updateOrganisation } from "./organisations";
import {
  archiveMunicipalitySchema,
  archiveOrganisationSchema,
  createMunicipalitySchema,
  createOrganisationSchema,
  updateMunicipalitySchema,
  updateOrganisationSchema,
} from "./schemas";

const ADMIN = ["admin"] as const;
const done = () => revalidatePath("/admin/directory", "layout");

export const createMunicipalityAction = authorizedAction(
  { name: "createMunicipality", roles: ADMIN, schema: createMunicipalitySchema },
  async (input, user) => {
    const m = await createMunicipality(user, input);
    done();
    return { id: m.id, slug: m.slug };
  },
);

export const updateMunicipalityAction = authorizedAction(
  { name: "updateMunicipality", roles: ADMIN, schema: updateMunicipalitySchema },
  async (input, user) => {
    await updateMunicipality(user, input);
    done();
    return null;
  },
);

export const archiveMunicipalityAction = authorizedAction(
  { name: "archiveMunicipality", roles: ADMIN, schema: archiveMunicipalitySchema },
  async (input, user) => {
    const m = await archiveMunicipality(user, input);
    done();
    return { archived: m.archived };
  },
);

export const createOrganisationAction = authorizedAction(
  { name: "createOrganisation", roles: ADMIN, schema: createOrganisationSchema },
  async (input, user) => {
    const org = await createOrganisation(user, input);
    done();
    return { id: org.id, slug: org.slug };
  },
);

export const updateOrganisationAction = authorizedAction(
  { name: "updateOrganisation", roles: ADMIN, schema: updateOrganisationSchema },
  async (input, user) => {
    const org = await updateOrganisation(user, input);
    // Its public page and embed may change (municipality, participation) or have to disappear.
    await revalidatePublic(org.id);
    done();
    revalidatePath(`/orgs/${org.id}`);
    return { updatedAt: org.updatedAt.toISOString() };
  },
);

export const archiveOrganisationAction = authorizedAction(
  { name: "archiveOrganisation", roles: ADMIN, schema: archiveOrganisationSchema },
  async (input, user) => {
    const org = await archiveOrganisation(user, input);
    await revalidatePublic(org.id);
    done();
    return { archived: org.archived, updatedAt: org.updatedAt.toISOString() };
  },
);

export const importOrganisationsAction = authorizedAction(
  { name: "importOrganisations", roles: ADMIN, schema: importOrganisationsSchema },
  async (input, user) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const result = await importOrganisations(user, {
      regionId: input.regionId,
      mode: input.mode,
      fileName: input.file.name,
      bytes,
    });
    if (result.written) done();
    return result;
  },
);
