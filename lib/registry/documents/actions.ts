"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/wrapper";
import { revalidatePublic } from "@/lib/public/cache";
import { archiveDocument, createDocument, restoreDocument, updateDocument } from "./mutations";
import {
  documentArchiveSchema,
  documentCreateSchema,
  documentRestoreSchema,
  documentUpdateSchema,
} from "./schemas";

const EDITORS = ["curator", "admin"] as const;

/** The register, the organisation's checklist and the curator's home show documents. */
function revalidateDocuments(organisationId: number) {
  revalidatePath("/registry/documents", "layout");
  revalidatePath(`/orgs/${organisationId}`);
  revalidatePath("/home");
}

export const createDocumentAction = authorizedAction(
  { name: "createDocument", roles: EDITORS, schema: documentCreateSchema },
  async (input, user) => {
    const result = await createDocument(user, input);
    revalidateDocuments(input.organisationId);
    await revalidatePublic(input.organisationId);
    return result;
  },
);

export const updateDocumentAction = authorizedAction(
  { name: "updateDocument", roles: EDITORS, schema: documentUpdateSchema },
  async (input, user) => {
    const result = await updateDocument(user, input);
    revalidateDocuments(input.organisationId);
    await revalidatePublic(input.organisationId);
    return result;
  },
);

export const archiveDocumentAction = authorizedAction(
  { name: "archiveDocument", roles: EDITORS, schema: documentArchiveSchema },
  async (input, user) => {
    const result = await archiveDocument(user, input);
    revalidateDocuments(input.organisationId);
    await revalidatePublic(input.organisationId);
    return result;
  },
);

export const restoreDocumentAction = authorizedAction(
  { name: "restoreDocument", roles: EDITORS, schema: documentRestoreSchema },
  async (input, user) => {
    const result = await restoreDocument(user, input);
    revalidateDocuments(input.organisationId);
    await revalidatePublic(input.organisationId);
    return result;
  },
);
