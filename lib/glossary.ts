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
 * | Russian | in code | meaning |
 * | --- | --- | --- |
 * | вход через региональную учётную запись | `ssoSignIn` (lib/auth/sso.ts), provider id `oidc` | signing in through the region's identity provider (OIDC, often Keycloak) into an account Наставник already has |
 * | поставщик входа | `OIDC_ISSUER` (lib/auth/oidc.ts) | the region's identity provider; https only (plain http on loopback, for tests) |
 * | привязка региональной учётной записи | `users.oidcIssuer` + `users.oidcSubject`, audit `sso_bind` | the provider's identity (issuer + `sub`) bound to one account at its first regional sign-in, by a verified e-mail |
 * | отвязать региональную учётную запись | `unbindSsoAction`, audit `sso_unbind` | the administrator removes the binding; the account's sessions end |
 *
 * National scale (issue 14):
 */
export {};
