/** The report page speaks to the reader it has: the coordinator is not told «if the coordinator returns it». */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChecksPanel, sentNote } from "@/components/reports/checks";
import type { ValidationResult } from "@/lib/reports/validation";

const checks: ValidationResult = {
  errors: [],
  warnings: [
    { field: "summary.learnerMentees", message: "Отличается от прошлого квартала больше чем на 20 %." },
  ],
};
const panel = (status: "draft" | "submitted" | "approved", curator: boolean) =>
  renderToStaticMarkup(createElement(ChecksPanel, { checks, status, curator }));

describe("texts addressed to the reader", () => {
  it("asks only the curator of an unsent report to confirm warnings", () => {
    expect(panel("draft", true)).toContain("Предупреждения — проверьте и подтвердите при отправке (1):");
    expect(panel("draft", false)).toContain("куратор подтвердит их при отправке");
    for (const curator of [true, false]) {
      expect(panel("approved", curator)).not.toMatch(/подтвердите/);
      expect(panel("submitted", curator)).not.toMatch(/подтвердите/);
    }
    expect(panel("approved", false)).toContain(
      "Предупреждения, которые куратор подтвердил при отправке (1):",
    );
    expect(panel("approved", true)).toContain("Предупреждения, которые вы подтвердили при отправке (1):");
  });

  it("tells whoever decides on a submitted report that the decision is theirs", () => {
    const reviewer = sentNote("submitted", "coordinator", { canReview: true });
    expect(reviewer).toBe("Отчёт ждёт вашего решения: примите его или верните куратору с комментарием.");
    expect(reviewer).not.toMatch(/координатор/);
    expect(sentNote("submitted", "curator", {})).toMatch(/Если координатор вернёт его/);
    expect(sentNote("submitted", "ministry", {})).toMatch(/решение принимает муниципальный координатор/);
    expect(sentNote("approved", "admin", { canReopen: true })).toMatch(/откройте его повторно/);
    expect(sentNote("approved", "curator", {})).toMatch(/только если администратор откроет его повторно/);
  });
});
