/** The title lines of a consolidated form, for the page and the XLSX (the seed's heading goes under it). Pure. */
import { periodLabel, type Period } from "../domain";
import { CONSOLIDATED_TITLES, type ConsolidatedKey } from "./types";

export function titleOf(key: ConsolidatedKey, period: Period, territory: string): string {
  return `${CONSOLIDATED_TITLES[key]} за ${periodLabel(period)}, ${territory}`;
}

export function contentNote(includeSubmitted: boolean): string {
  return includeSubmitted
    ? "Включены принятые отчёты и отчёты на проверке (отмечены в столбце «Статус отчёта»)."
    : "Включены только принятые отчёты.";
}
