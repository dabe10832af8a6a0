import { describe, expect, it } from "vitest";

const PG = process.env.E2E_PG_BASE_URL;

describe.skipIf(!PG)("the same app on an empty PostgreSQL database", () => {
  it("starts, migrates and serves the sign-in page without demo accounts", async () => {
    const res = await fetch(`${PG}/login`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Вход в систему");
    expect(html).not.toContain("Демонстрационные учётные записи");
    expect(html).not.toContain("@nastavnik.demo");
  });

  it("sends security headers and forbids framing of app pages", async () => {
    const res = await fetch(`${PG}/login`);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBeTruthy();
  });
});
