/** The title lines of a consolidated form, for the page and the XLSX. Pure. */
import { periodLabel, type Period } from "../domain";
import { CONSOLIDATED_SUBTITLES, CONSOLIDATED_TITLES, type ConsolidatedKey } from "./types";

export function titleOf(key: ConsolidatedKey, period: Period, territory: string): string {
  return `${CONSOLIDATED_TITLES[key]} (${CONSOLIDATED_SUBTITLES[key]}) за ${periodLabel(period)}, ${territory}`;
}

export function contentNote(includeSubmitted: boolean): string {
  return includeSubmitted
    ? "Включены принятые отчёты и отчёты на проверке (отмечены в столбце «Статус отчёта»)."
    : "Включены только принятые отчёты.";
}
