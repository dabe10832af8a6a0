/** The shape of a quarterly report's content: the reports' JSON column types, defined next to the schema. */
export type * from "@/db/report-types";
