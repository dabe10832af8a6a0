import { MarkPracticeForm, UnmarkPracticeForm } from "@/components/practices/mark-form";
import { Card } from "@/components/ui/card";
import type { Programme } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { levelsFor, levelText, type BestPracticeLevel } from "@/lib/practices/labels";

/**
 * The programme's place in the bank of best practices: its state for everyone who sees the programme; the
 * recognising forms for a coordinator (municipal level) and the admin (either level).
 */
export function ProgrammePractice({
  p,
  user,
  canMark,
}: {
  p: Programme;
  user: SessionUser;
  /** The user may recognise practices of the programme's organisation (lib/auth/rules markBestPractice). */
  canMark: boolean;
}) {
  const levels = canMark ? levelsFor(user.role) : [];
  const lockedRegional = p.bestPracticeLevel === "regional" && user.role !== "admin";
  const state = p.bestPractice
    ? `Лучшая практика: ${levelText(p.bestPracticeLevel).toLowerCase()}${p.bestPracticeAt ? `, признана ${formatDate(p.bestPracticeAt.toISOString().slice(0, 10))}` : ""}.`
    : p.bestPracticeProposed
      ? "Организация предложила программу в банк лучших практик; признание ещё не дано."
      : "Программа не входит в банк лучших практик.";
  return (
    <Card title="Банк лучших практик">
      <p className="text-sm text-slate-800">{state}</p>
      {p.bestPractice && p.bestPracticeNote && (
        <p className="mt-1 text-sm text-slate-700">Чем ценна: {p.bestPracticeNote}</p>
      )}
      {levels.length > 0 && !p.archived && (
        <div className="mt-4 border-t border-slate-200 pt-4">
          {lockedRegional ? (
            <p className="text-sm text-slate-600">
              Признание регионального уровня изменяет только региональный наставнический центр.
            </p>
          ) : (
            <div className="grid gap-6 md:grid-cols-2">
              <MarkPracticeForm
                programmeId={p.id}
                levels={levels}
                level={p.bestPracticeLevel as BestPracticeLevel | null}
                note={p.bestPracticeNote}
                marked={p.bestPractice}
              />
              {p.bestPractice && <UnmarkPracticeForm programmeId={p.id} />}
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
