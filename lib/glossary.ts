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
 * Reminders and sign-in (issue 13):
 *
 * National scale (issue 14):
 *
 * | Russian | in code | meaning |
 * | --- | --- | --- |
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
