"use server";
import { registerActions } from "@/lib/registry/action";
import { archiveDocument, createDocument, restoreDocument, updateDocument } from "./mutations";
import {
  documentArchiveSchema,
  documentCreateSchema,
  documentRestoreSchema,
  documentUpdateSchema,
} from "./schemas";

/** The register, the organisation's checklist and the curator's home show documents. */
const documents = registerActions({
  scope: "organisation",
  revalidate: ({ org }: { org: { id: number } }) => [
    { layout: "/registry/documents" },
    `/orgs/${org.id}`,
    "/home",
  ],
});

export const createDocumentAction = documents("createDocument", documentCreateSchema, createDocument);
export const updateDocumentAction = documents("updateDocument", documentUpdateSchema, updateDocument);
export const archiveDocumentAction = documents("archiveDocument", documentArchiveSchema, archiveDocument);
export const restoreDocumentAction = documents("restoreDocument", documentRestoreSchema, restoreDocument);
