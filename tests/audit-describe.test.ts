/** The journal reads in Russian: actions, records, fields and values, whatever the stored record holds. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeAudit } from "@/lib/admin/audit/describe";

const zone = "Europe/Moscow";
const d = (r: { action: string; entity: string; entityId?: string | null; changes?: unknown }) =>
  describeAudit(
    {
      action: r.action,
      entity: r.entity,
      entityId: r.entityId ?? null,
      changes: (r.changes ?? null) as Record<string, unknown> | null,
    },
    zone,
  );

/** What a user should never see in the journal: JSON, code names of values. */
const PROGRAMMER = /[[\]{}"]|\b(submitted|approved|draft|pairs_assignment|true|false|null)\b/;

describe("the journal in Russian", () => {
  it("reads a report's approval as a status change of the report of its quarter", () => {
    const r = d({
      action: "approve",
      entity: "report",
      entityId: "812",
      changes: { period: "2026-1", status: ["submitted", "approved"], comment: "Всё верно" },
    });
    expect(r).toEqual({
      action: "Принятие отчёта",
      subject: "Отчёт за I квартал 2026 г.",
      changes: ["Статус: На проверке → Принят", "Комментарий: Всё верно"],
    });
  });

  it("names a save, its mode, and the targets, consolidated forms and registers", () => {
    expect(d({ action: "save", entity: "report", changes: { period: "2025-4", mode: "manual" } })).toEqual({
      action: "Сохранение отчёта",
      subject: "Отчёт за IV квартал 2025 г.",
      changes: ["Способ заполнения: вручную"],
    });
    const targets = d({
      action: "update",
      entity: "targets",
      entityId: "region:1",
      changes: { "N1:2024": [65, 70], "2:2025": [null, 12] },
    });
    expect(targets.subject).toBe("Плановые значения региона");
    expect(targets.changes).toEqual(["План Н1 на 2024 год: 65 → 70", "План 2 на 2025 год: не задан → 12"]);
    const consolidated = d({
      action: "export",
      entity: "consolidated",
      entityId: "2026-1",
      changes: { format: "xlsx", form: "all", period: "2026-1", submitted: true, organisations: 7 },
    });
    expect(consolidated.subject).toBe("Сводные формы: I квартал 2026 г.");
    expect(consolidated.changes).toEqual([
      "Формат: XLSX",
      "Форма: все формы",
      "С отчётами на проверке: да",
      "Организаций: 7",
    ]);
    expect(d({ action: "export", entity: "register", changes: { kind: "mentees", rows: 823 } }).subject).toBe(
      "База наставляемых",
    );
  });

  it("translates the values of closed lists, dates, booleans, files and the filters of an export", () => {
    const doc = d({
      action: "create",
      entity: "document",
      entityId: "44",
      changes: {
        type: "pairs_assignment",
        date: "2025-09-01",
        inForce: true,
        public: false,
        file: { name: "приказ.pdf", size: 204800, mime: "application/pdf" },
      },
    });
    expect(doc.subject).toBe("Документ № 44");
    expect(doc.changes).toEqual([
      "Тип документа: Приказ о закреплении наставнических пар/групп",
      "Дата: 01.09.2025",
      "Действует: да",
      "На сайте: нет",
      "Файл: «приказ.pdf», 200 КБ",
    ]);
    const exported = d({
      action: "export",
      entity: "audit_log",
      changes: { filters: { entity: "document", from: "2026-01-01" }, rows: 3 },
    });
    expect(exported.changes).toEqual(["Отбор: тип записи — Документ, с даты — 01.01.2026", "Строк: 3"]);
    expect(
      d({ action: "update", entity: "user", changes: { role: ["curator", "coordinator"] } }).changes,
    ).toEqual(["Роль: Куратор организации → Муниципальный координатор"]);
    expect(
      d({
        action: "update",
        entity: "person",
        changes: { surname: "(изменено)", category: ["pupil", "teacher"] },
      }).changes,
    ).toEqual(["Фамилия: изменено", "Категория: Обучающийся школы → Педагог"]);
    expect(
      d({
        action: "create",
        entity: "programme",
        changes: { modes: ["групповое", "очное"], stage: "design" },
      }).changes,
    ).toEqual(["Виды наставничества: групповое, очное", "Этап: Проектировочный"]);
    expect(
      d({ action: "update", entity: "period", entityId: "2026-Q2", changes: { open: [true, false] } }),
    ).toEqual({
      action: "Изменение",
      subject: "Отчётный период: II квартал 2026 г.",
      changes: ["Период открыт: да → нет"],
    });
  });

  it("lists the fields in a fixed order, a download's years as one span, and an account by its holder's name", () => {
    const chart = d({
      action: "export",
      entity: "indicator_chart",
      entityId: "N1",
      changes: { to: 2024, from: 2021, kind: "line", level: "municipality", format: "csv", territoryId: 3 },
    });
    expect(chart.subject).toBe("Данные графика: показатель Н1");
    expect(chart.changes).toEqual([
      "Вид: график по годам",
      "Формат: CSV",
      "Уровень: муниципалитет",
      "Годы: 2021–2024",
    ]);
    const user = describeAudit(
      {
        action: "activate",
        entity: "user",
        entityId: "7",
        changes: { active: [false, true] },
        subjectName: "Иванова Анна",
      },
      zone,
    );
    expect(user).toEqual({
      action: "Включение учётной записи",
      subject: "Пользователь: Иванова Анна",
      changes: ["Учётная запись включена: нет → да"],
    });
  });

  it("falls back to a readable form for what it does not know, and never throws", () => {
    const r = d({
      action: "mass_merge",
      entity: "some_new_thing",
      entityId: "x",
      changes: { someField: "значение", constructor: "toString", nested: { innerKey: [1, 2, 3] } },
    });
    expect(r.action).toBe("mass merge");
    expect(r.subject).toBe("some new thing");
    expect(r.changes).toEqual([
      "Some field: значение",
      "Constructor: toString",
      "Nested: inner key — 1, 2, 3",
    ]);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.jsonValue(), (action, entity, changes) => {
        const out = d({ action, entity, changes });
        expect(typeof out.subject).toBe("string");
        expect(out.changes.every((c) => typeof c === "string")).toBe(true);
      }),
    );
  });

  it("shows no JSON and no code names for the records the application writes", () => {
    const records = [
      { action: "submit", entity: "report", changes: { period: "2026-1", status: ["draft", "submitted"] } },
      {
        action: "return",
        entity: "report",
        changes: { period: "2026-1", status: ["submitted", "returned"] },
      },
      {
        action: "export",
        entity: "indicator_chart",
        entityId: "N1",
        changes: { format: "csv", level: "region", territoryId: 1, kind: "line", from: 2021, to: 2024 },
      },
      {
        action: "update",
        entity: "document",
        changes: { type: ["other", "pairs_assignment"], inForce: [false, true] },
      },
      { action: "archive", entity: "programme", changes: { archived: [false, true], mentorships: [3, 4] } },
      { action: "import", entity: "register", changes: { kind: "mentors", fileName: "база.xlsx", rows: 10 } },
      { action: "create", entity: "user", changes: { email: "a@b.ru", role: "ministry", regionId: 1 } },
    ];
    for (const r of records) {
      const out = d(r);
      expect(out.action).not.toMatch(/^[a-z_]+$/);
      for (const line of [out.subject, ...out.changes]) expect(line).not.toMatch(PROGRAMMER);
    }
  });
});
