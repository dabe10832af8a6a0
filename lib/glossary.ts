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
 * | Russian | in code | meaning |
 * | --- | --- | --- |
 * | уведомление | `notifications` (lib/notifications) | one event for one user: a deadline, a returned, reopened or submitted report; unique by `dedupe_key` |
 * | вид уведомления | `NotificationKind` (lib/notifications/kinds.ts) | deadline_soon, deadline_passed, report_returned, report_reopened, report_submitted, roadmap_due, roadmap_overdue |
 * | колокольчик | `Bell` (components/shell/header.tsx) | the unread count in the header, a link to /notifications |
 * | сводка (письмо за день) | `notification_mails` kind "digest" | one letter a day per person at DIGEST_HOUR region time with all unmailed notifications |
 * | срочное письмо | `notification_mails` kind "urgent" | a returned report's letter sent at once, one a day per person |
 * | занятое письмо | `notification_mails.state = "claimed"` | a letter reserved before sending; never resent after a crash |
 * | настройки писем | `notification_preferences` | a user's e-mail on/off per kind (no row: on); the app shows every notification anyway |
 * | очередь напоминаний | `reminders-scan`, `reminders-mail` (lib/notifications/queue.ts) | pg-boss queues and schedules in the `pgboss` schema |
 * | вход через региональную учётную запись | `ssoSignIn` (lib/auth/sso.ts), provider id `oidc` | signing in through the region's identity provider (OIDC, often Keycloak) into an account Наставник already has |
 * | поставщик входа | `OIDC_ISSUER` (lib/auth/oidc.ts) | the region's identity provider; https only (plain http on loopback, for tests) |
 * | привязка региональной учётной записи | `users.oidcIssuer` + `users.oidcSubject`, audit `sso_bind` | the provider's identity (issuer + `sub`) bound to one account at its first regional sign-in, by a verified e-mail |
 * | отвязать региональную учётную запись | `unbindSsoAction`, audit `sso_unbind` | the administrator removes the binding; the account's sessions end |
 *
 * National scale (issue 14):
 *
 * | Russian | in code | meaning |
 * | --- | --- | --- |
 * | кэш показателей | `cachedFigures` (lib/indicators/cache.ts) | figures and names of the signed-in indicator pages kept in the shared data cache until their tag is dropped |
 * | версия показателей региона | `figuresTag(regionId)` | the tag an approval, a reopening, a target or the directory drops: every cached figure of the region |
 * | версия реестров организации | `registersTag(organisationId)` | the tag any write to an organisation drops: its draft report's computation, its name |
 * | сессионная кука | `decodeSessionToken` (lib/auth/session-token.ts) | the Auth.js cookie, decoded once per request with a key derived once; the proxy only checks it is there |
 * | федеральный уровень (Минпросвещения) | role `federal`, reach `"country"` (lib/auth/rules.ts) | sees every region's figures and completeness; no registers, no personal data, no edits or reviews; belongs to no region |
 * | Российская Федерация (вся страна) | level `"country"`, `ScopedCountry`, `countryFigures` | the territory above the regions: Σ of every region's rollups, never averaged |
 * | план страны | `countryPlan` / `countryPlanFrom` (lib/indicators/national.ts) | the regions' plans of a share weighted by each region's denominator; no national plan for a count (indicator 2) |
 * | показатели по регионам | `regionTable` (lib/indicators/by-region.ts) | every region × indicator for a year, fact against the region's own plan, under the country's total |
 * | распределение | `distribution`, `DISTRIBUTION_FROM` (lib/indicators/national.ts) | more than 60 units (municipalities, organisations) shown as sorted values, quartiles, top and bottom ten, not a bar each |
 * | место | `Ranked.rank` | a unit's position by value, 1 = highest; none without data |
 * | поиск муниципалитета / организации | `searchRanked`, `?find=` | finds units by part of the name («ё» = «е»), with their place |
 * | все муниципалитеты страны | `?all=municipalities`, `countryMunicipalityValues` | the federal level's distribution of every municipality («Район, Регион») |
 * | полнота сдачи по регионам | `completenessByRegion` (lib/reports/by-region.ts) | per region: obliged organisations by the status of the period's report, counted in SQL |
 * | лёгкие демо-регионы | `LIGHT_REGIONS` (lib/demo/light-regions.ts) | «Озёрная область» and «Степной край», ~15 organisations each, beside the demo region |
 */
export {};
