import type { Page } from "playwright-core";
import { expect } from "vitest";
import { shot } from "./browser";

/**
 * Sends the open report for review as a curator does: ticks the warnings' acknowledgement when there is one,
 * confirms in the dialog and waits for the status line. A save made by the same click can bring new warnings;
 * the server then refuses with a message, the box appears, and the curator ticks it and sends again.
 */
export async function submitReport(page: Page) {
  const ack = page.getByLabel(/Я проверил\(а\) предупреждения/);
  const sent = page.getByText(/^Отчёт отправлен на проверку \d/);
  const refused = page.getByText(/подтвердите, что прочитали предупреждения/);
  // Any other answer (a refusal for errors, a version conflict, a failed request) ends the wait at once and is
  // quoted in the failure, with a screenshot, instead of a bare timeout.
  const other = page.locator("form div[role=alert]").filter({ hasNotText: /подтвердите, что прочитали/ });
  for (let attempt = 1; ; attempt++) {
    if (await ack.count()) await ack.check();
    await page.getByRole("button", { name: "Отправить на проверку" }).click();
    // One click does not send it: a confirmation says what happens next.
    const dialog = page.getByRole("dialog", { name: "Отправить отчёт на проверку?" });
    expect(await dialog.innerText()).toMatch(/Пока он на проверке, изменить его нельзя/);
    await dialog.getByRole("button", { name: "Отправить" }).click();
    await sent.or(refused).or(other).first().waitFor();
    if (await other.count()) {
      await shot(page, "submit-report-refused");
      throw new Error(`Отчёт не отправлен: «${(await other.allInnerTexts()).join(" | ")}»`);
    }
    if ((await sent.count()) || attempt === 2) break;
    await ack.waitFor();
  }
  // On the second attempt the first one's refusal may still be on screen until the form clears it: the wait above
  // then ended at once, and only the status line says the report went.
  await sent.waitFor();
}
