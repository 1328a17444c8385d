// Nicknames are how most people reached are known. Matching ignores case, accents and spacing,
// so "Jérôme", "jerome" and "JEROME " are the same key.
export function normalizeNickname(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Similarity of two normalised strings in [0, 1] by character trigrams (as pg_trgm counts them). */
export function trigramSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const set = new Set<string>();
    for (const word of s.split(" ").filter(Boolean)) {
      const padded = `  ${word} `;
      for (let i = 0; i < padded.length - 2; i++) set.add(padded.slice(i, i + 3));
    }
    return set;
  };
  const ga = grams(a);
  const gb = grams(b);
  if (!ga.size || !gb.size) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}

export interface DuplicateCandidate {
  nicknameNorm: string;
  birthYear: number | null;
  neighbourhoodId: string | null;
  placeId: string | null;
}

export interface DuplicateProbe {
  nickname: string;
  birthYear?: number | null | undefined;
  neighbourhoodId?: string | null | undefined;
  placeId?: string | null | undefined;
}

/**
 * How likely a candidate is the same person as the probe, in [0, 1]. The nickname carries most
 * weight; the same birth year, usual place or neighbourhood make a match likelier, a different
 * birth year less likely.
 */
export function duplicateScore(probe: DuplicateProbe, c: DuplicateCandidate): number {
  const name = trigramSimilarity(normalizeNickname(probe.nickname), c.nicknameNorm);
  let score = name * 0.7;
  if (probe.birthYear && c.birthYear) score += probe.birthYear === c.birthYear ? 0.15 : -0.2;
  if (probe.placeId && probe.placeId === c.placeId) score += 0.15;
  else if (probe.neighbourhoodId && probe.neighbourhoodId === c.neighbourhoodId) score += 0.1;
  return Math.max(0, Math.min(1, score));
}

export const DUPLICATE_THRESHOLD = 0.55;
