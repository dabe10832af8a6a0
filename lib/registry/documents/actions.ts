"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { rolesWith } from "@/lib/auth/rules";
import { scopeOrg } from "@/lib/auth/scoped";
import { archiveDocument, createDocument, restoreDocument, updateDocument } from "./mutations";
import {
  documentArchiveSchema,
  documentCreateSchema,
  documentRestoreSchema,
  documentUpdateSchema,
} from "./schemas";

const EDITORS = rolesWith("editOrganisation");

/** The register, the organisation's checklist and the curator's home show documents. */
function revalidateDocuments(organisationId: number) {
  revalidatePath("/registry/documents", "layout");
  revalidatePath(`/orgs/${organisationId}`);
  revalidatePath("/home");
}

export const createDocumentAction = authorizedAction(
  {
    name: "createDocument",
    roles: EDITORS,
    schema: documentCreateSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await createDocument(user, org, input);
    revalidateDocuments(org.id);
    return result;
  },
);

export const updateDocumentAction = authorizedAction(
  {
    name: "updateDocument",
    roles: EDITORS,
    schema: documentUpdateSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await updateDocument(user, org, input);
    revalidateDocuments(org.id);
    return result;
  },
);

export const archiveDocumentAction = authorizedAction(
  {
    name: "archiveDocument",
    roles: EDITORS,
    schema: documentArchiveSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await archiveDocument(user, org, input);
    revalidateDocuments(org.id);
    return result;
  },
);

export const restoreDocumentAction = authorizedAction(
  {
    name: "restoreDocument",
    roles: EDITORS,
    schema: documentRestoreSchema,
    scope: (input, user) => scopeOrg(user, input.organisationId, "edit"),
  },
  async (input, user, org) => {
    const result = await restoreDocument(user, org, input);
    revalidateDocuments(org.id);
    return result;
  },
);
