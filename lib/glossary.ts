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
 * | число мест наставника | `mentorProfiles.capacity` | how many mentees the mentor leads at once (1–30); empty = not set, no limit |
 * | занятые места | `load` (lib/registry/mentorships/load.ts) | the mentor's pairs that are not archived and not ended by today (a pair that begins later counts) |
 * | назначение сверх числа мест | `overCapacity` + `overCapacityReason`, audit `over_capacity` | an assignment beyond the capacity, only with a reason of 10+ characters, kept in the journal |
 * | подбор наставника | `suggestMentors` (lib/registry/mentorships/suggest.ts) | the mentors ranked for the chosen mentees: request vs competencies and interests, wished-for age, free places, each with its reasons |
 * | банк лучших практик | `/practices`, lib/practices | programmes recognised as best practices, searchable by format, role model, level and year |
 * | предложить в банк | `programmes.bestPracticeProposed` | the curator's proposal; it does not put the programme in the bank |
 * | уровень признания | `bestPracticeLevel`: `municipal` / `regional` | who recognised the practice: the municipal coordinator (муниципальный) or the regional mentoring centre, i.e. the admin (региональный). Not the organisation's education level |
 * | год признания | `recognisedYear` (bestPracticeAt) | the year the practice entered the bank: the bank's year filter |
 * | чем ценна практика | `bestPracticeNote` | the recogniser's short description, public with the practice |
 * | лучшие практики региона (открытые данные) | `/open/<код>/practices` | the region's bank as a public page: programmes and organisations, no persons |
 *
 * Reminders and sign-in (issue 13):
 *
 * National scale (issue 14):
 */
export {};
