// The dashboard's filters live in the URL, so a view can be bookmarked and shared within the team.
export interface DashboardSearch {
  from?: string;
  to?: string;
  teamId?: string;
  neighbourhoodId?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const out: DashboardSearch = {};
  for (const key of ["from", "to"] as const) {
    const v = search[key];
    if (typeof v === "string" && DAY.test(v)) out[key] = v;
  }
  for (const key of ["teamId", "neighbourhoodId"] as const) {
    const v = search[key];
    if (typeof v === "string" && UUID.test(v)) out[key] = v;
  }
  if (out.from && out.to && out.from > out.to) delete out.to;
  return out;
}

/** This year so far, in Brussels. */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}
