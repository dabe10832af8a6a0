import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import type { RouteContext } from "@/lib/http/route";
import { regionClock } from "@/lib/territory/clock";
import { roadmapWorkbook } from "./file";
import { listRoadmap } from "./queries";
import { ROADMAP_LEVELS } from "./schemas";
import { scopeRoadmap, type RoadmapOwner } from "./scope";

/** `?level=organisation|municipality|region&id=N`: a roadmap the user may read. */
export function exportScope({ url, user }: { url: URL; user: SessionUser }): Promise<RoadmapOwner> {
  const level = url.searchParams.get("level");
  const id = Number(url.searchParams.get("id"));
  if (!ROADMAP_LEVELS.includes(level as never) || !Number.isSafeInteger(id))
    throw new DomainError("Укажите дорожную карту: level=organisation, municipality или region и id.");
  return scopeRoadmap(user, level as RoadmapOwner["level"], id, "view");
}

/** GET /api/roadmap/export → the roadmap as XLSX in seed 001's layout, handed out once audited. */
export async function sendRoadmap(ctx: RouteContext<unknown, RoadmapOwner>): Promise<Response> {
  const owner = ctx.scope;
  const rows = await listRoadmap(owner, (await regionClock(owner.regionId)).today());
  const buffer = await roadmapWorkbook(owner, rows);
  await ctx.audit({
    action: "export",
    entity: "roadmap",
    entityId: `${owner.level}:${owner.id}`,
    organisationId: owner.organisationId,
    municipalityId: owner.municipalityId,
    changes: { rows: rows.length, format: "xlsx" },
  });
  const fileName = `Дорожная карта — ${owner.name}.xlsx`.replace(/[\\/:*?"<>|]/g, " ");
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="roadmap.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
