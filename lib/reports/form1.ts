/** Form 1's block of required documents, from the organisation's document register. Pure. */
import { REQUIRED_DOCUMENT_TYPES as VOCABULARY_REQUIRED } from "@/lib/vocabulary";
import type { Form1, RequiredDocumentType } from "./types";

export const REQUIRED_DOCUMENT_TYPES: readonly RequiredDocumentType[] = VOCABULARY_REQUIRED;

export interface DocumentRef {
  id: number;
  type: string;
  number: string;
  date: string | null;
}

/** The latest document of each required type dated on or before `until` (undated ones count as in force). */
export function requiredDocuments(docs: DocumentRef[], until: string): Form1["documents"] {
  const sorted = [...docs].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id - b.id);
  const inForce = sorted.filter((d) => d.date == null || d.date <= until);
  const out = {} as Form1["documents"];
  for (const type of REQUIRED_DOCUMENT_TYPES) {
    const doc = inForce.filter((d) => d.type === type).pop();
    out[type] = { present: doc != null, number: doc?.number ?? "", date: doc?.date ?? null };
  }
  return out;
}

export function documentsComplete(documents: Form1["documents"]): boolean {
  return REQUIRED_DOCUMENT_TYPES.every((t) => documents[t]?.present);
}
