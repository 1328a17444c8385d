// The contact list's filters live in the address bar, so a filtered list can be bookmarked, shared
// with a colleague of the team, and survives a reload. Only known keys with plausible values pass.
import type { ContactFilters } from "@vindplaats/contracts";
import { CONTACT_ACTIONS, type ContactAction } from "@vindplaats/domain";

export const FILTER_KEYS = [
  "from",
  "to",
  "teamId",
  "workerId",
  "placeId",
  "neighbourhoodId",
  "personId",
  "lifeDomain",
  "action",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[a-z0-9_]{1,60}$/;

function valid(key: FilterKey, value: string): boolean {
  switch (key) {
    case "from":
    case "to":
      return DAY.test(value);
    case "lifeDomain":
      return CODE.test(value);
    case "action":
      return (CONTACT_ACTIONS as readonly string[]).includes(value);
    default:
      return UUID.test(value);
  }
}

/** Turns whatever is in the address bar into filters the API accepts. */
export function parseFilters(search: Record<string, unknown>): ContactFilters {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (typeof value === "string" && valid(key, value)) out[key] = value;
  }
  return out as ContactFilters & { action?: ContactAction };
}

/** A filter set without empty values, for comparing and saving. */
export function cleanFilters(filters: Partial<Record<FilterKey, string | undefined>>): ContactFilters {
  return parseFilters(filters);
}

export const sameFilters = (a: ContactFilters, b: ContactFilters) =>
  FILTER_KEYS.every((k) => (a[k] ?? "") === (b[k] ?? ""));
