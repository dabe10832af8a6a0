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
 * | анкета мониторинга | `surveyQuestionnaires` (lib/surveys) | the region's questionnaire for one role (mentor / mentee), seed 001 §7.4–7.5; one row per published version |
 * | версия анкеты | `surveyQuestionnaires.version` | each save by the admin publishes a new version; answers keep the version they were given against |
 * | анкета до / анкета после | `stage` «before» / «after» | the questionnaire a participant answers on entering a programme and on finishing it (§7.2) |
 * | ответы анкеты | `surveyResponses` | one participant's answers in one programme for one stage, keyed by question id |
 * | ответы с бумажной анкеты | `source` «paper» | answers the curator typed in from a paper form |
 * | ссылка на анкету | `surveyLinks` | a one-time link (14 days, used once, revocable; only its hash is stored) to answer without signing in |
 * | контакт законного представителя | `menteeProfiles.representativeEmail` | a minor mentee's representative's e-mail: the only address a minor's questionnaire link goes to |
 * | итоги анкет | `/surveys` (lib/surveys/results.ts) | before vs after per question by format or programme; a group under 5 answers shows «менее 5» |
 *
 * Reminders and sign-in (issue 13):
 *
 * National scale (issue 14):
 */
export {};
