/** Whether the version a form was opened with (an ISO timestamp) is the record's current updatedAt. Pure. */
export function isCurrentVersion(updatedAt: Date, sent: string): boolean {
  const t = Date.parse(sent);
  return !Number.isNaN(t) && t === updatedAt.getTime();
}
