import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import { CONSENT, MENTEE_HEADER } from "../support/register-files";
import { BASE, hydrated, launch, shot, signIn } from "./browser";

let browser: Browser;
let page: Page;
const year = new Date().getFullYear();
/** A per-run suffix of Cyrillic letters: names may hold only letters. */
const tag = [...String(Date.now()).slice(-5)].map((d) => "абвгдежзик"[Number(d)]).join("");
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await signIn(page, account("curator").email, account("curator").password);
  await page.waitForURL(`${BASE}/home`);
});
afterAll(async () => {
  await browser?.close();
});

async function newPerson(fields: {
  surname: string;
  name: string;
  category: string;
  birthYear: string;
  mentor?: boolean;
  mentee?: boolean;
}) {
  await page.goto(`${BASE}/registry/persons/new`);
  await page.getByLabel("Фамилия").fill(fields.surname);
  await page.getByLabel("Имя", { exact: true }).fill(fields.name);
  await page.getByLabel("Категория", { exact: true }).selectOption(fields.category);
  await page.getByLabel("Год рождения").fill(fields.birthYear);
  const mentee = page.getByLabel("Участвует как наставляемый (анкета «База наставляемых»)");
  const mentor = page.getByLabel("Участвует как наставник (анкета «База наставников»)");
  // No role is ticked in advance.
  expect(await mentee.isChecked()).toBe(false);
  expect(await mentor.isChecked()).toBe(false);
  if (fields.mentee) await mentee.check();
  if (fields.mentor) await mentor.check();
}

describe("a curator keeps the registers in the browser", () => {
  it("adds an adult mentor with the written consent", async () => {
    await newPerson({
      surname: `Наставникова${tag}`,
      name: "Алина",
      category: "teacher",
      birthYear: "1985",
      mentor: true,
    });
    await page.getByLabel("Дата письменного согласия наставника").fill(`${year}-09-01`);
    await page.getByRole("button", { name: "Добавить в реестр" }).click();
    await page.waitForURL(/\/registry\/persons\/\d+$/);
    await page.getByRole("heading", { name: new RegExp(`Наставникова${tag} Алина`) }).waitFor();
  });

  it("cannot save a minor mentee without the representative's consent, then saves it with the consent", async () => {
    await newPerson({
      surname: `Ученикова${tag}`,
      name: "Кира",
      category: "pupil",
      birthYear: String(year - 12),
      mentee: true,
    });
    await page.getByRole("button", { name: "Добавить в реестр" }).click();
    await page
      .getByText("Дата согласия законного представителя наставляемого: обязательна — участнику нет 18 лет.")
      .waitFor();
    await shot(page, "registers-minor-without-consent");
    await page.getByLabel("Дата согласия законного представителя наставляемого").fill(`${year}-09-02`);
    await page.getByRole("button", { name: "Добавить в реестр" }).click();
    await page.waitForURL(/\/registry\/persons\/\d+$/);
  });

  it("asks a minor mentor for the legal representative's consent, and an adult mentee for her own", async () => {
    await newPerson({
      surname: `Старшеклассникова${tag}`,
      name: "Ева",
      category: "pupil",
      birthYear: String(year - 16),
      mentor: true,
    });
    await page.getByRole("button", { name: "Добавить в реестр" }).click();
    await page
      .getByText("Дата согласия законного представителя наставника: обязательна — участнику нет 18 лет.")
      .waitFor();
    expect(await page.getByLabel("Дата письменного согласия наставника").count()).toBe(0);

    await newPerson({
      surname: `Молодая${tag}`,
      name: "Вера",
      category: "teacher",
      birthYear: "1999",
      mentee: true,
    });
    await page.getByRole("button", { name: "Добавить в реестр" }).click();
    await page.getByText(/Дата письменного согласия наставляемого: без согласия/).waitFor();
    await shot(page, "registers-adult-mentee-without-consent");
  });

  it("creates a programme and assigns the mentor to the mentee in one step", async () => {
    await page.goto(`${BASE}/registry/programmes/new`);
    await page.getByLabel("Название").fill(`Проверочная программа ${tag}`);
    await page.getByLabel("Форма наставничества").selectOption("teacher_pupil");
    await page.getByLabel("Ролевая модель").fill("педагог – ученик с трудностями в учёбе");
    await page.getByLabel("Дата начала").fill(`${year}-09-01`);
    await page
      .getByRole("button", { name: /Создать|Сохранить|Добавить/ })
      .first()
      .click();
    await page.waitForURL(/\/registry\/programmes\/\d+$/);
    await hydrated(page); // the search, the mentor's radio and the mentee boxes work through the page's script

    // The mentor is found by a search, with the current load beside each name.
    await page.getByPlaceholder("Например, Петрова или математика").fill(`Наставникова${tag}`);
    const mentorChoice = page.getByRole("radio", { name: new RegExp(`Наставникова${tag}`) });
    expect(await page.locator("label", { has: mentorChoice }).innerText()).toContain("свободен");
    await mentorChoice.check();
    await page.getByPlaceholder("Например, Иванова или 7Б").fill(`Ученикова${tag}`);
    await page
      .getByLabel(new RegExp(`Ученикова${tag}`))
      .first()
      .check();
    await page.getByLabel("Дата вступления").fill(`${year}-09-05`);
    await page.getByRole("button", { name: "Назначить" }).click();
    await page.getByText("Пара назначена.").waitFor();
    await shot(page, "registers-programme-with-pair");
  });

  it("finds both in the lists, with their roles and the pair", async () => {
    await page.goto(`${BASE}/registry/persons?q=${encodeURIComponent(`Ученикова${tag}`)}`);
    const row = page.locator("tbody tr", { hasText: `Ученикова${tag}` });
    const text = await row.innerText();
    expect(text, text).toMatch(/наставляемый\s+1/);
    await page.goto(`${BASE}/registry/persons?role=mentor&q=${encodeURIComponent(`Наставникова${tag}`)}`);
    await expect(page.locator("tbody tr").count()).resolves.toBe(1);
  });

  it("imports a file with one bad row: the row is named, and only the valid rows are written when chosen", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("База наставляемых");
    ws.addRow(["База наставляемых"]);
    ws.addRow([...MENTEE_HEADER, CONSENT]);
    ws.addRow([
      1,
      `Импортов${tag} Павел Олегович`,
      year - 13,
      "Математика",
      `01.09.${year}`,
      `Наставникова${tag} Алина`,
      "Педагог – ученик",
      "МБОУ СОШ № 5",
      "",
      "",
      "",
      "",
      `01.09.${year}`,
    ]);
    ws.addRow([
      2,
      `Импортова${tag} Вера Олеговна`,
      year - 14,
      "Русский язык",
      "32.13.2024",
      `Наставникова${tag} Алина`,
      "Педагог – ученик",
      "МБОУ СОШ № 5",
      "",
      "",
      "",
      "",
    ]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    await page.goto(`${BASE}/registry/import`);
    await page.locator("#import-file").setInputFiles({
      name: "наставляемые.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: file,
    });
    await page.getByRole("button", { name: "Проверить файл" }).click();
    const errors = page.getByRole("table", { name: "Ошибки в строках файла" });
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/4[\s\S]*Дата вхождения/);
    await shot(page, "registers-import-preview");
    // A programme (or a person) the file would make up is created only when the curator confirms it.
    const confirm = page.getByLabel(/Создать новых участников и программы/);
    if (await confirm.count()) await confirm.check();
    await page.getByLabel(/Загрузить только корректные строки \(1\)/).check();
    await page.getByRole("button", { name: "Загрузить в реестр" }).click();
    await page.getByText(/Импорт завершён: загружено строк — 1, пропущено строк с ошибками — 1/).waitFor();
    await page.goto(`${BASE}/registry/persons?q=${encodeURIComponent(`Импортов${tag}`)}`);
    await expect(page.locator("tbody tr").count()).resolves.toBe(1);
  });
});

describe("an import names what it would create", () => {
  it("lists an unknown mentor it would need, and creates it only when the curator confirms", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("База наставляемых");
    ws.addRow(["База наставляемых"]);
    ws.addRow([...MENTEE_HEADER, CONSENT]);
    ws.addRow([
      1,
      `Новичков${tag} Лев Ильич`,
      year - 12,
      "Физика",
      `01.09.${year}`,
      `Незнакомцев${tag} Игорь Петрович`,
      "Педагог – ученик",
      "МБОУ СОШ № 5",
      "",
      "",
      "",
      "",
      `01.09.${year}`,
    ]);
    await page.goto(`${BASE}/registry/import`);
    await page.locator("#import-file").setInputFiles({
      name: "наставляемые-новые.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await page.getByRole("button", { name: "Проверить файл" }).click();
    const proposed = page.getByRole("table", { name: "Новые участники и программы, которых нет в реестре" });
    await proposed.waitFor();
    const listed = await proposed.innerText();
    expect(listed).toContain(`Наставник: Незнакомцев${tag} Игорь Петрович`);
    // A programme of the format exists already (the test above made one): the pair joins it, none is proposed.
    expect(listed).not.toMatch(/Программа: /);
    const confirm = page.getByLabel(/Создать новых участников и программы \(\d+\)/);
    expect(await confirm.isChecked()).toBe(false);
    await shot(page, "registers-import-proposed");
    await confirm.check();
    await page.getByRole("button", { name: "Загрузить в реестр" }).click();
    await page.getByText(/Импорт завершён: загружено строк — 1/).waitFor();
    await page.goto(`${BASE}/registry/persons?q=${encodeURIComponent(`Незнакомцев${tag}`)}`);
    await expect(page.locator("tbody tr").count()).resolves.toBe(1);
  });
});

describe("a coordinator reads the registers but cannot edit them", () => {
  it("sees no edit controls and cannot open the new-person form", async () => {
    const ownHref = await (async () => {
      await page.goto(`${BASE}/home`);
      await page.getByRole("link", { name: "Организация" }).click();
      await page.waitForURL(/\/orgs\/\d+$/);
      return new URL(page.url()).pathname;
    })();
    const orgId = ownHref.split("/").pop();
    const coordinator = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await signIn(coordinator, account("coordinator").email, account("coordinator").password);
    await coordinator.waitForURL(`${BASE}/home`);
    await coordinator.goto(
      `${BASE}/registry/persons?org=${orgId}&q=${encodeURIComponent(`Ученикова${tag}`)}`,
    );
    await coordinator.getByText("Только просмотр: изменять реестры может куратор организации.").waitFor();
    expect(await coordinator.getByRole("link", { name: "Добавить участника" }).count()).toBe(0);
    await coordinator.locator("tbody a").first().click();
    await coordinator.waitForURL(/\/registry\/persons\/\d+/);
    expect(await coordinator.locator("main input, main textarea, main select").count()).toBe(0);
    await coordinator.goto(`${BASE}/registry/persons/new?org=${orgId}`);
    await coordinator.getByRole("heading", { name: "Нет доступа" }).waitFor();
    await shot(coordinator, "registers-coordinator-read-only");
  });
});
