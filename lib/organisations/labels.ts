import { DOCUMENT_TYPE_LABELS as DOCUMENT_TYPES, ORGANISATION_KIND_LABELS as KINDS } from "@/lib/vocabulary";

/** Looked up by the stored text of a row, hence keyed by any string (an unknown one has no label). */
export const DOCUMENT_TYPE_LABELS: Record<string, string> = DOCUMENT_TYPES;
export const ORGANISATION_KIND_LABELS: Record<string, string> = KINDS;
