/**
 * The glossary of what Наставник adds beyond the spec's (spec/domain.md, «Glossary»): the Russian term a
 * curator, coordinator or official uses, the name it has in this code, and what it means here. The spec's own
 * terms (регион → `region`, программа наставничества → `programme`, …) are not repeated.
 *
 * | Russian | in code | meaning |
 * | --- | --- | --- |
 * | отчётный период региона | `periods` (region_id, year, quarter) | a quarter open for reports in one region, with its deadline |
 * | возврат на доработку | `return note` (lib/reports/returns.ts) | the coordinator's comment sent back with a returned report |
 *
 * Programme work (issue 12) — roadmaps, monitoring surveys, mentor suggestions, the best-practice bank:
 *
 * | Russian | in code | meaning |
 * | --- | --- | --- |
 * | план мероприятий (дорожная карта) | `roadmap` (`roadmap_items`, lib/roadmap) | the rows of seed 001's table, owned by one organisation, municipality or the region |
 * | раздел дорожной карты | `isSection` | a heading row («1. Нормативно-правовое регулирование…»); the items after it are numbered 1.1, 1.2… from their order |
 * | мероприятие дорожной карты | `roadmap item` | a row with «Срок реализации», «Ответственный исполнитель», «Результат, вид документа», status and date done |
 * | срок реализации | `due` (`dueDate` + `duePrecision` day/month, `dueNote`) | a date, a month (done by its last day) or words («по отдельному графику»: not tracked) |
 * | статус мероприятия | `RoadmapStatus`: `planned`, `in_progress`, `done`, `failed` | запланировано, выполняется, выполнено, не выполнено |
 * | просроченное мероприятие | `overdue` (lib/roadmap/domain.ts `isItemOverdue`) | planned or in progress after its due's last day, by the region's clock |
 *
 * Reminders and sign-in (issue 13):
 *
 * National scale (issue 14):
 */
export {};
