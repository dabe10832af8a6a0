/**
 * The report's fields as the server's HTML has them, before the page's script runs: react-hook-form fills an input
 * only once mounted, so an editor that passed it no default showed form 1 empty until hydration. A browser test
 * read «педагогических работников» in that moment (empty), typed 0 + 1 and sent a report with 1 teacher — refused.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ReportEditor } from "@/components/reports/report-editor";
import { emptyForms } from "@/lib/reports/counting";
import type { SaveReportInput } from "@/lib/reports/schemas";
import type { ReportSummary } from "@/lib/reports/types";
import { SUMMARY_LABELS } from "@/lib/reports/validation";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {}, push() {} }) }));
vi.mock("@/lib/reports/actions", () => ({ saveReportAction: vi.fn(), submitReportAction: vi.fn() }));

/** Every total of the summary at zero. */
const summary = Object.fromEntries(
  Object.keys(SUMMARY_LABELS).map((k) => [k, 0]),
) as unknown as ReportSummary;

function initial(mode: "register" | "manual"): SaveReportInput {
  const forms = emptyForms();
  forms.form2.rows = [
    { programmeId: null, title: "Шаг навстречу", mentors: 38, mentees: 68, result: "" } as never,
  ];
  forms.form2.distinctMentors = 37;
  return {
    reportId: 7,
    version: 3,
    mode,
    form1: {
      directorName: "Захаров Василий Юрьевич",
      phone: "+7 (3512) 53-32-66",
      email: "school@example.ru",
      address: "ул. Октябрьская, д. 11",
      learners10to18: 884,
      teachingStaff: 79,
      youngTeachers: 10,
      curatorName: "Чернышёва Татьяна Геннадьевна",
    },
    ...(mode === "manual" ? { forms, summary: { ...summary, activeProgrammes: 9 } } : {}),
  };
}

function render(mode: "register" | "manual") {
  return renderToStaticMarkup(
    createElement(ReportEditor, {
      initial: initial(mode),
      computed: { forms: emptyForms(), summary },
      previous: null,
      checks: { errors: [], warnings: [] },
      canSubmit: true,
      form1Names: { municipality: "Городской округ Демоград", organisation: "МБОУ СОШ № 5" },
      form1Documents: null,
    }),
  );
}

/** The value attribute of the input named `name`, or null when it has none. */
function valueOf(html: string, name: string): string | null {
  const tag = new RegExp(`<input[^>]*name="${name.replaceAll(".", "\\.")}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`нет поля ${name}`);
  return /\svalue="([^"]*)"/.exec(tag)?.[1] ?? null;
}

describe("the report editor's first HTML", () => {
  it("has form 1's values in its fields", () => {
    const html = render("register");
    expect(valueOf(html, "form1.teachingStaff")).toBe("79");
    expect(valueOf(html, "form1.learners10to18")).toBe("884");
    expect(valueOf(html, "form1.directorName")).toBe("Захаров Василий Юрьевич");
    // Forms 2–5 as computed from the registers, drawn by the editor itself.
    expect(html).toContain("Рассчитано по реестрам на сегодня");
    expect(html).toContain("Сводные показатели");
  });

  it("has the rows and totals typed by hand in their fields", () => {
    const html = render("manual");
    expect(valueOf(html, "forms.form2.rows.0.title")).toBe("Шаг навстречу");
    expect(valueOf(html, "forms.form2.rows.0.mentors")).toBe("38");
    expect(valueOf(html, "forms.form2.distinctMentors")).toBe("37");
    expect(valueOf(html, "summary.activeProgrammes")).toBe("9");
  });
});
