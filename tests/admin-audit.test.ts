/** The audit log viewer: the admin sees the region, the coordinator the municipality; filters, pages, CSV. */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { parseAuditFilters } from "@/lib/admin/audit/filters";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/admin/audit/queries";
import { createTenant, type Tenant } from "./support/factories";
import { signInAs } from "./support/session";

vi.mock("@/lib/auth/guard", () => import("./support/mock-guard"));
vi.mock("next/cache", () => import("./support/mock-cache"));

const { createUserAction } = await import("@/lib/admin/users/actions");
const { GET } = await import("@/app/(app)/admin/audit/export/route");

let t: Tenant;
let other: Tenant;
const f = (params: Record<string, string> = {}) => parseAuditFilters(new URLSearchParams(params));

beforeAll(async () => {
  t = await createTenant("adm-aud");
  other = await createTenant("adm-aud-o");
  const db = await getDb();
  const rows = (orgId: number, municipalityId: number, userId: number, n: number, entity: string) =>
    Array.from({ length: n }, (_, i) => ({
      userId,
      action: "update",
      entity,
      entityId: String(i),
      organisationId: orgId,
      municipalityId,
    }));
  await db.insert(auditLog).values([
    ...rows(t.orgId, t.municipalityId, t.users.curator.id, 55, "event"),
    ...rows(t.otherMunicipalityOrgId, t.siblingMunicipalityId, t.users.admin.id, 3, "document"),
    ...rows(other.orgId, other.municipalityId, other.users.curator.id, 4, "event"),
    {
      userId: t.users.ministry.id,
      action: "sign_in",
      entity: "user",
      entityId: String(t.users.ministry.id),
    },
    {
      userId: other.users.ministry.id,
      action: "sign_in",
      entity: "user",
      entityId: String(other.users.ministry.id),
    },
  ]);
  signInAs(t.users.coordinator);
  const r = await createUserAction({
    name: "Куратор Журнала",
    email: `aud-${Date.now()}@test.local`,
    role: "curator",
    organisationId: t.siblingOrgId,
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
});

describe("audit viewer", () => {
  it("shows the admin the region and nothing of another region", async () => {
    const all = await listAudit(t.users.admin, f({ page: "1" }));
    expect(all.total).toBe(55 + 3 + 1 + 1);
    const everything = [...all.rows, ...(await listAudit(t.users.admin, f({ page: "2" }))).rows];
    expect(
      everything.some(
        (r) => r.userEmail === other.users.curator.email || r.userEmail === other.users.ministry.email,
      ),
    ).toBe(false);
    expect(everything.some((r) => r.action === "sign_in" && r.userEmail === t.users.ministry.email)).toBe(
      true,
    );
  });

  it("counts on the admin's home page the records «Журнал» shows, not the whole country's", async () => {
    const { regionOverview } = await import("@/lib/admin/overview");
    const { total } = await listAudit(t.users.admin, f());
    expect((await regionOverview(t.users.admin)).audit).toBe(total);
    expect((await regionOverview(other.users.admin)).audit).toBe(
      (await listAudit(other.users.admin, f())).total,
    );
  });

  it("shows the coordinator only the municipality: its organisations, its curators", async () => {
    const log = await listAudit(t.users.coordinator, f());
    expect(log.total).toBe(55 + 1);
    const rows = [...log.rows, ...(await listAudit(t.users.coordinator, f({ page: "2" }))).rows];
    expect(rows.some((r) => r.entity === "document")).toBe(false);
    expect(rows.some((r) => r.entity === "user" && r.action === "create")).toBe(true);
    expect((await listAudit(t.users.siblingCoordinator, f())).total).toBe(3);
    expect((await listAudit(t.users.curator, f())).total).toBe(0);
  });

  it("filters by user, organisation, record type, action and dates, in pages", async () => {
    const admin = t.users.admin;
    expect((await listAudit(admin, f({ user: String(t.users.curator.id) }))).total).toBe(55);
    expect((await listAudit(admin, f({ org: String(t.otherMunicipalityOrgId) }))).total).toBe(3);
    expect((await listAudit(admin, f({ entity: "document" }))).total).toBe(3);
    expect((await listAudit(admin, f({ action: "sign_in" }))).total).toBe(1);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await listAudit(admin, f({ from: tomorrow }))).total).toBe(0);
    expect((await listAudit(admin, f({ to: "2020-01-01" }))).total).toBe(0);
    expect((await listAudit(admin, f({ from: "2020-01-01", to: tomorrow, entity: "event" }))).total).toBe(55);
    const page1 = await listAudit(admin, f({ entity: "event" }));
    const page2 = await listAudit(admin, f({ entity: "event", page: "2" }));
    expect(page1).toMatchObject({ pages: 2, page: 1 });
    expect(page1.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(page2.rows).toHaveLength(5);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(55);
  });

  it("ignores filter values it does not know", () => {
    expect(f({ user: "1; drop", entity: "<x>", action: "sudo", from: "32.13.2024", page: "-3" })).toEqual({
      userId: undefined,
      organisationId: undefined,
      entity: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
});

describe("CSV download", () => {
  const get = (q: string) => GET(new Request(`http://localhost/admin/audit/export?${q}`));

  it("is UTF-8 with BOM and «;», holds the filtered rows, and is itself audited", async () => {
    signInAs(t.users.admin);
    const res = await get("entity=document");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Дата и время (МСК);Пользователь;Эл. почта;Действие;Тип записи;Запись;Организация;Муниципалитет;Изменения",
    );
    expect(lines).toHaveLength(1 + 3);
    expect(lines[1]).toContain(";Изменение;Документ;");
    const db = await getDb();
    const exports = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.userId, t.users.admin.id),
          eq(auditLog.action, "export"),
          eq(auditLog.entity, "audit_log"),
        ),
      );
    expect(exports).toHaveLength(1);
    expect(exports[0].changes).toEqual({ filters: { entity: "document" }, rows: 3 });
    expect((await listAudit(t.users.admin, f({ action: "export" }))).total).toBe(1);
  });

  it("gives the coordinator the municipality only; refuses others", async () => {
    signInAs(t.users.coordinator);
    const text = await (await get("")).text();
    expect(text.trim().split("\r\n")).toHaveLength(1 + 56);
    expect(text).not.toContain("Документ");
    signInAs(t.users.curator);
    expect((await get("")).status).toBe(403);
    signInAs(null);
    expect((await get("")).status).toBe(401);
  });

  it("defuses a formula in a user's name, so that opening the file runs nothing", async () => {
    const name = '=HYPERLINK("http://evil.example","Отчёт")';
    await (await getDb()).update(users).set({ name }).where(eq(users.id, other.users.curator.id));
    signInAs(other.users.admin);
    const lines = (await (await get("entity=event")).text()).trim().split("\r\n").slice(1);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toContain(`;"'=HYPERLINK(""http://evil.example"",""Отчёт"")";`);
  });

  it("speaks Russian: the action, the record, each field and value, no JSON", async () => {
    await (await getDb()).insert(auditLog).values({
      userId: other.users.coordinator.id,
      action: "approve",
      entity: "report",
      entityId: "1",
      organisationId: other.orgId,
      municipalityId: other.municipalityId,
      changes: { period: "2026-1", status: ["submitted", "approved"], warningsAcknowledged: true },
    });
    signInAs(other.users.admin);
    const lines = (await (await get("entity=report")).text()).trim().split("\r\n").slice(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(";Принятие отчёта;Отчёт;Отчёт за I квартал 2026 г.;");
    expect(lines[0]).toMatch(/;"Статус: На проверке → Принят; Предупреждения подтверждены: да"$/);
    expect(lines[0]).not.toMatch(/submitted|approved|[[\]{}]/);
  });
});
