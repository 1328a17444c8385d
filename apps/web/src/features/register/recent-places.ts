// The places a worker used last, remembered per user on this device (place ids only, no personal
// data and no location), so the place they are most likely at comes first.
const MAX_RECENT = 8;
const key = (userId: string) => `vindplaats.recentPlaces.${userId}`;

export function readRecentPlaces(userId: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(userId)) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export function rememberPlace(userId: string, placeId: string): void {
  const next = [placeId, ...readRecentPlaces(userId).filter((id) => id !== placeId)].slice(0, MAX_RECENT);
  try {
    localStorage.setItem(key(userId), JSON.stringify(next));
  } catch {
    // Storage unavailable: the order is then alphabetical only.
  }
}

export interface SortablePlace {
  id: string;
  name: string;
  neighbourhoodId: string;
  neighbourhoodName: string;
}

/**
 * Recent places first (most recent on top), then places in the neighbourhood the worker is in (when
 * the phone told us), then the rest by name. A search matches place and neighbourhood names, accent-blind.
 */
export function sortPlaces<T extends SortablePlace>(
  places: T[],
  opts: { recent: string[]; nearNeighbourhoodId?: string | null; query?: string; locale: string },
): T[] {
  const fold = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase();
  const q = fold(opts.query?.trim() ?? "");
  const collator = new Intl.Collator(opts.locale, { sensitivity: "base", numeric: true });
  const rank = (p: T) => {
    const recent = opts.recent.indexOf(p.id);
    if (recent >= 0) return recent;
    return p.neighbourhoodId === opts.nearNeighbourhoodId ? 100 : 200;
  };
  return places
    .filter((p) => !q || fold(p.name).includes(q) || fold(p.neighbourhoodName).includes(q))
    .sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name));
}
