import type { Metadata } from "next";
import Link from "next/link";
import { BeforeAfterChart } from "@/components/surveys/before-after-chart";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { pageScope, requireUser } from "@/lib/auth/guard";
import { formatNumber } from "@/lib/format";
import { ROLE_PLURAL, SURVEY_ROLES, type SurveyRole } from "@/lib/surveys/questions";
import { resultGroups, resultSummary, resultsScope, type Breakdown } from "@/lib/surveys/results";
import { FEW, MIN_GROUP, type SummaryRow } from "@/lib/surveys/summary";

export const metadata: Metadata = { title: "Итоги анкет до и после" };

const LEVEL = {
  organisation: "по вашей организации",
  municipality: "по организациям муниципалитета",
  region: "по организациям региона",
} as const;

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function href(q: { role: SurveyRole; by: Breakdown; g?: string | null }) {
  const params = new URLSearchParams({ role: q.role, by: q.by });
  if (q.g) params.set("g", q.g);
  return `/surveys?${params}`;
}

/** Chart bars named by the question's number in the table under them. */
function chartRows(rows: SummaryRow[], all: SummaryRow[]) {
  return rows.map((r) => ({
    name: `${all.indexOf(r) + 1}. ${r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text}`,
    before: r.before.value,
    after: r.after.value,
  }));
}

/** Monitoring of the programmes' effect (seed 001 §7.2–7.5): answers before vs after, by format or programme. */
export default async function SurveysPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const q = await searchParams;
  const role: SurveyRole = one(q.role) === "mentor" ? "mentor" : "mentee";
  const by: Breakdown = one(q.by) === "programme" ? "programme" : "format";
  const scope = await pageScope(resultsScope(user));
  const groups = await resultGroups(scope, role, by);
  const picked = groups.find((g) => g.key === one(q.g)) ?? null;
  const summary = await resultSummary(scope, role, by, picked?.key ?? null);
  const scales = summary.rows.filter((r) => r.kind === "scale");
  const shares = summary.rows.filter((r) => r.kind === "share");
  const hidden = summary.rows.some((r) => r.before.text === FEW || r.after.text === FEW);
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Итоги анкет: до и после программы</h1>
        <p className="mt-1 text-slate-700">
          Мониторинг влияния программ наставничества на участников {LEVEL[scope.level]}: средние оценки (от 1
          до 10) и доли ответов «да» в анкетах до входа в программу и по её итогам. Группы, где ответили
          меньше {MIN_GROUP} человек, показаны как «{FEW}»; имён здесь нет.
        </p>
        {user.role === "admin" && (
          <p className="mt-2 text-sm">
            <Link href="/admin/surveys" className="text-brand-700 underline">
              Вопросы анкет региона
            </Link>
          </p>
        )}
      </div>
      <nav aria-label="Что показать" className="flex flex-wrap gap-2">
        {SURVEY_ROLES.map((r) => (
          <Link
            key={r}
            href={href({ role: r, by })}
            className={tab(r === role)}
            aria-current={r === role || undefined}
          >
            {ROLE_PLURAL[r]}
          </Link>
        ))}
        <span className="mx-2 self-center text-slate-400" aria-hidden="true">
          |
        </span>
        <Link
          href={href({ role, by: "format" })}
          className={tab(by === "format")}
          aria-current={by === "format" || undefined}
        >
          По формам наставничества
        </Link>
        <Link
          href={href({ role, by: "programme" })}
          className={tab(by === "programme")}
          aria-current={by === "programme" || undefined}
        >
          По программам
        </Link>
      </nav>
      <Card title={by === "format" ? "Анкеты по формам наставничества" : "Анкеты по программам"}>
        {groups.length === 0 ? (
          <p className="text-sm text-slate-600">
            Анкет {role === "mentor" ? "наставников" : "наставляемых"} пока нет. Куратор вносит ответы или
            выдаёт участникам ссылки на странице программы: «Анкеты участников».
          </p>
        ) : (
          <Table caption="Число анкет до и после" region>
            <thead>
              <tr>
                <Th>{by === "format" ? "Форма наставничества" : "Программа"}</Th>
                {by === "programme" && scope.level !== "organisation" && <Th>Организация</Th>}
                <Th className="text-right">Анкет до</Th>
                <Th className="text-right">Анкет после</Th>
              </tr>
            </thead>
            <tbody>
              <tr className={picked ? "" : "bg-brand-50"}>
                <Td>
                  <Link
                    href={href({ role, by })}
                    className="text-brand-700 font-medium underline"
                    aria-current={!picked || undefined}
                  >
                    Все вместе
                  </Link>
                </Td>
                {by === "programme" && scope.level !== "organisation" && <Td />}
                <Td className="text-right tabular-nums">
                  {formatNumber(groups.reduce((s, g) => s + g.before, 0))}
                </Td>
                <Td className="text-right tabular-nums">
                  {formatNumber(groups.reduce((s, g) => s + g.after, 0))}
                </Td>
              </tr>
              {groups.map((g) => (
                <tr key={g.key} className={picked?.key === g.key ? "bg-brand-50" : ""}>
                  <Td>
                    <Link
                      href={href({ role, by, g: g.key })}
                      className="text-brand-700 underline"
                      aria-current={picked?.key === g.key || undefined}
                    >
                      {g.label}
                    </Link>
                  </Td>
                  {by === "programme" && scope.level !== "organisation" && <Td>{g.organisation}</Td>}
                  <Td className="text-right tabular-nums">{g.beforeText}</Td>
                  <Td className="text-right tabular-nums">{g.afterText}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {groups.length > 0 && (
        <Card title={`${ROLE_PLURAL[role]}: ${picked ? picked.label : "все вместе"}`}>
          {hidden && (
            <p className="mb-3 text-sm text-amber-900">
              Где ответили меньше {MIN_GROUP} человек, значение скрыто («{FEW}»): по нему можно узнать ответы
              конкретного участника.
            </p>
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            {scales.length > 0 && (
              <BeforeAfterChart
                title="Средняя оценка (от 1 до 10)"
                rows={chartRows(scales, summary.rows)}
                max={10}
                unit=""
              />
            )}
            {shares.length > 0 && (
              <BeforeAfterChart
                title="Ответили «да», %"
                rows={chartRows(shares, summary.rows)}
                max={100}
                unit=" %"
              />
            )}
          </div>
          <div className="mt-6">
            <Table caption="До и после по вопросам анкеты" region>
              <thead>
                <tr>
                  <Th>Вопрос</Th>
                  <Th className="text-right">До</Th>
                  <Th className="text-right">После</Th>
                  <Th className="text-right">Изменение</Th>
                </tr>
              </thead>
              <tbody>
                {summary.rows.map((r, i) => (
                  <tr key={r.id}>
                    <Td>
                      {i + 1}. {r.text}{" "}
                      <span className="text-xs text-slate-500">
                        {r.kind === "scale" ? `(средняя оценка из ${r.max})` : "(доля «да»)"}
                      </span>
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{r.before.text}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{r.after.text}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{r.change}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <p className="mt-2 text-xs text-slate-500">
              Вопросы — по действующей версии анкеты ({summary.version}); ответы на прежние версии учитываются
              по тем же вопросам. Свободные ответы в итоги не входят.
            </p>
          </div>
        </Card>
      )}
    </div>
  );
}
