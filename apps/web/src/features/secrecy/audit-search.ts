// The DPO's audit filters as URL search parameters, so a filtered view can be linked to (from the
// review list, from a row) and survives a reload. Unknown or malformed values are dropped.
export interface AuditSearch {
  personId?: string;
  actorUserId?: string;
  action?: string;
  /** Brussels days, YYYY-MM-DD; `to` is inclusive. */
  from?: string;
  to?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z_.]{1,60}$/;

export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  const pick = (key: keyof AuditSearch, pattern: RegExp) => {
    const value = search[key];
    return typeof value === "string" && pattern.test(value.trim()) ? { [key]: value.trim() } : {};
  };
  return {
    ...pick("personId", UUID),
    ...pick("actorUserId", UUID),
    ...pick("action", ACTION),
    ...pick("from", DAY),
    ...pick("to", DAY),
  };
}
