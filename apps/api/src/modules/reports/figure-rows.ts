// Turns counts keyed by code or id into labelled rows in a stable order: time dimensions in their
// natural order with every slot present, fixed codes in catalogue order, value lists in their
// list order, names (teams, places...) by count. Zero rows stay in where the set is known.
import {
  type Dimension,
  FIXED_CODES,
  type Localised,
  noneLabel,
  type RawRow,
  type ReportLocale,
  timeLabel,
} from "@vindplaats/domain";
import type { Names } from "./reports.queries.ts";

export const NONE = "none";

/** Value lists behind a dimension. */
const VALUE_LIST: Partial<Record<Dimension, string>> = {
  life_domain: "life_domain",
  nationality: "nationality",
  age_band: "age_band",
  referral_service: "referral_service",
  intake_channel: "intake_channel",
};

const byCountThenLabel = (a: RawRow, b: RawRow) =>
  a.key === NONE ? 1 : b.key === NONE ? -1 : b.value - a.value || a.label.localeCompare(b.label);

export interface RowContext {
  locale: ReportLocale;
  names: Names;
  /** Teams of the selection (zero rows for these). */
  teamIds: string[];
  period: { from: string; to: string };
}

export function rowsFor(dimension: Dimension, counts: Map<string | null, number>, ctx: RowContext): RawRow[] {
  const { locale, names } = ctx;
  const value = (key: string | null) => counts.get(key) ?? 0;
  const none = (): RawRow[] =>
    value(null) ? [{ key: NONE, label: noneLabel(dimension, locale), value: value(null) }] : [];

  if (dimension === "month" || dimension === "weekday" || dimension === "hour") {
    const [first, last] = dimension === "month" ? [1, 12] : dimension === "weekday" ? [1, 7] : [0, 23];
    const rows: RawRow[] = [];
    for (let n = first; n <= last; n++)
      rows.push({ key: String(n), label: timeLabel(dimension, n, locale), value: value(String(n)) });
    return rows;
  }
  const fixed = FIXED_CODES[dimension];
  if (fixed) {
    const known = Object.entries(fixed).map(([key, labels]) => ({ key, label: labels[locale], value: value(key) }));
    const extra = [...counts.keys()].filter((k): k is string => k !== null && !(k in fixed));
    return [...known, ...extra.map((key) => ({ key, label: key, value: value(key) })), ...none()];
  }
  const list = VALUE_LIST[dimension];
  if (list) {
    const entries = names.values.filter((v) => v.list === list);
    const shown = entries.filter((v) => v.is_active || counts.has(v.code));
    const rows = shown.map((v) => ({
      key: v.code,
      label: (v.labels as Localised)[locale] ?? v.code,
      value: value(v.code),
    }));
    const listed = new Set(entries.map((v) => v.code));
    const extra = [...counts.keys()].filter((k): k is string => k !== null && !listed.has(k));
    return [...rows, ...extra.map((key) => ({ key, label: key, value: value(key) })), ...none()];
  }
  const named = (list: { id: string; name: string }[], keep: (id: string) => boolean) => {
    const byId = new Map(list.map((r) => [r.id, r.name]));
    const ids = new Set([
      ...list.filter((r) => keep(r.id)).map((r) => r.id),
      ...[...counts.keys()].filter((k): k is string => k !== null),
    ]);
    const rows = [...ids].map((id) => ({ key: id, label: byId.get(id) ?? id, value: value(id) }));
    return [...rows, ...none()].sort(byCountThenLabel);
  };
  switch (dimension) {
    case "team":
      return named(names.teams, (id) => ctx.teamIds.includes(id));
    case "neighbourhood":
      return named(
        names.neighbourhoods.filter((n) => n.is_active),
        () => true,
      );
    case "place":
      return named(names.places, () => false);
    case "worker":
      return named(names.workers, () => false);
    default:
      return named([], () => false);
  }
}

/** Counts of one dimension out of query rows. */
export function countsOf<T extends { dimension: string; key: string | null }>(
  rows: T[],
  dimension: string,
  value: (row: T) => number,
): Map<string | null, number> {
  const out = new Map<string | null, number>();
  for (const r of rows) if (r.dimension === dimension) out.set(r.key, (out.get(r.key) ?? 0) + value(r));
  return out;
}
