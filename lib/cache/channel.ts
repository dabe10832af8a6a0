/** The PostgreSQL channel on which instances tell each other which cache tags to drop. Pure. */
export const CACHE_CHANNEL = "nastavnik_cache";

/** The SQL a process outside the app (a restore, a reseed) runs to clear every instance's cache. */
export const CLEAR_ALL_SQL = `select pg_notify('${CACHE_CHANNEL}', '{"tags":["*"]}')`;
