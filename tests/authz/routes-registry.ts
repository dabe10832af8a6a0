/** The register import (a streamed answer) and export (a file): both journalled. */
import { expect } from "vitest";
import type { ImportEvent } from "@/lib/registry/import/types";
import { CONSENT, csvFile, MENTEE_HEADER } from "../support/register-files";
import { get, type RouteRow } from "./http";
import { targetOrg } from "./types";

const register = () =>
  csvFile([
    [...MENTEE_HEADER, CONSENT],
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
      "25.08.2023",
    ],
  ]);

function importRequest(org: number) {
  const form = new FormData();
  form.set("file", new File([register() as BlobPart], "реестр.csv"));
  form.set("kind", "mentees");
  form.set("org", String(org));
  form.set("step", "commit");
  // The mentor and the programme are new: confirmed.
  form.set("confirmNew", "yes");
  return new Request("http://localhost/api/registry/import", { method: "POST", body: form });
}

export const routes: Record<string, RouteRow> = {
  "POST /api/registry/import": {
    allowed: ["curator", "admin"],
    audited: true,
    succeeded: (answer) => {
      const events = answer
        .text()
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as ImportEvent);
      expect(events.at(-1)?.type, answer.text()).toBe("done");
    },
    attempt: async (ctx) => {
      const { POST } = await import("@/app/api/registry/import/route");
      const request = importRequest(targetOrg(ctx));
      return ctx.act(() => POST(request));
    },
  },
  "GET /api/registry/export": {
    allowed: ["curator", "coordinator", "admin"],
    audited: true,
    attempt: async (ctx) => {
      const { GET } = await import("@/app/api/registry/export/route");
      return ctx.act(() => GET(get(`/api/registry/export?kind=mentors&org=${targetOrg(ctx)}`)));
    },
  },
};
