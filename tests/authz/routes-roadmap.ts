/** The roadmap's download: whoever reads the roadmap of their level; journalled. */
import { expect } from "vitest";
import { get, type RouteRow } from "./http";
import { targetRoadmap } from "./roadmap";

export const routes: Record<string, RouteRow> = {
  "GET /api/roadmap/export": {
    // The federal level reads every roadmap (no personal data of learners in one), as it reads every region's figures.
    allowed: ["curator", "coordinator", "ministry", "admin", "federal"],
    audited: true,
    succeeded: (answer) => expect(answer.type).toContain("spreadsheetml"),
    attempt: async (ctx) => {
      const { GET } = await import("@/app/api/roadmap/export/route");
      const { level, ownerId } = targetRoadmap(ctx);
      return ctx.act(() => GET(get(`/api/roadmap/export?level=${level}&id=${ownerId}`)));
    },
  },
};
