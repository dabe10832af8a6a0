/**
 * The register import and export are route handlers, not server actions (a streamed progress answer and a
 * file): their rows adapt the HTTP answer to the matrix's result, so each role × scope is tried on them too.
 */
import type { ActionResult } from "@/lib/actions/result";
import { csvFile, getExport, MENTEE_HEADER, postImport } from "../support/register-files";
import type { MatrixRow } from "./types";
import { targetOrg } from "./types";

const file = () =>
  csvFile([
    MENTEE_HEADER,
    [
      "1",
      "Матрицына Ева Павловна",
      "2012",
      "",
      "01.09.2023",
      "Матрицын Пётр Ильич",
      "Педагог – ученик",
      "",
      "",
      "",
      "",
      "",
    ],
  ]);

export const rows: Record<string, MatrixRow> = {
  "POST /api/registry/import": {
    allowed: ["curator", "admin"],
    attempt: async (ctx): Promise<ActionResult<unknown>> => {
      const res = await postImport({ bytes: file(), kind: "mentees", org: targetOrg(ctx), step: "commit" });
      if (res.error) return { ok: false, formError: res.error };
      return res.last?.type === "done"
        ? { ok: true, data: null }
        : { ok: false, formError: JSON.stringify(res.last) };
    },
  },
  "GET /api/registry/export": {
    allowed: ["curator", "coordinator", "admin"],
    attempt: async (ctx): Promise<ActionResult<unknown>> => {
      const res = await getExport("mentors", targetOrg(ctx));
      if (res.ok) return { ok: true, data: null };
      return { ok: false, formError: ((await res.json()) as { error: string }).error };
    },
  },
};
