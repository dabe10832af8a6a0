/** Downloads of uploaded files: the target is the file of a document that is not public. */
import { expect } from "vitest";
import { getDb } from "@/db";
import { systemOrg } from "@/lib/auth/scoped";
import { insertFile } from "@/lib/files/store";
import { sample, seedDocument } from "./documents";
import { get, params, type RouteRow } from "./http";
import { targetOrg } from "./types";

async function privateFile(orgId: number) {
  const db = await getDb();
  const data = sample.pdf();
  const fileId = await insertFile(db, await systemOrg(db, orgId), {
    name: "Приказ.pdf",
    mime: "application/pdf",
    size: data.length,
    data,
  });
  await seedDocument(orgId, { fileId, public: false, inForce: true });
  return fileId;
}

export const routes: Record<string, RouteRow> = {
  "GET /api/files/[id]": {
    allowed: ["curator", "coordinator", "admin"],
    /*
     * Public documents' files are served to anyone (tests/files.test.ts). A file that is not public is «not
     * found» to everyone else, the ministry, the federal level and visitors included: 403 or 401 would tell them it exists.
     */
    reasons: { ministry: "not_found", federal: "not_found" },
    anonymous: "not_found",
    succeeded: (answer) => expect(answer.text()).toContain("%PDF"),
    attempt: async (ctx) => {
      const { GET } = await import("@/app/api/files/[id]/route");
      const id = String(await privateFile(targetOrg(ctx)));
      return ctx.act(() => GET(get(`/api/files/${id}`), params({ id })));
    },
  },
};
