/** The filters of the audit log, read from the page's query string. Pure. */
import { ACTION_LABELS, ENTITY_LABELS } from "./labels";

export interface AuditFilters {
  userId?: number;
  organisationId?: number;
  entity?: string;
  action?: string;
  /** ISO dates, inclusive, as days of the region's clock. */
  from?: string;
  to?: string;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const id = (v: string) => (/^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
const isoDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined;

export function parseAuditFilters(params: Params | URLSearchParams): AuditFilters {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? "") : one(params[k]));
  const entity = get("entity");
  const action = get("action");
  return {
    userId: id(get("user")),
    organisationId: id(get("org")),
    entity: Object.hasOwn(ENTITY_LABELS, entity) ? entity : undefined,
    action: Object.hasOwn(ACTION_LABELS, action) ? action : undefined,
    from: isoDate(get("from")),
    to: isoDate(get("to")),
    page: Math.min(id(get("page")) ?? 1, 100_000),
  };
}

/** The filters back as query parameters (for links to other pages and to the CSV). */
export function filterParams(f: AuditFilters): Record<string, string | undefined> {
  return {
    user: f.userId?.toString(),
    org: f.organisationId?.toString(),
    entity: f.entity,
    action: f.action,
    from: f.from,
    to: f.to,
  };
}
