// Versioned mutation formats. A phone may sit on mutations written by an older app version for days;
// after a server upgrade they must still apply. Each step maps format v to v + 1 for the kinds that
// changed; kinds without a step pass through unchanged.
import { type MutationKind, SYNC_FORMAT_VERSION } from "@vindplaats/contracts";

type Payload = Record<string, unknown>;
type Step = Partial<Record<MutationKind, (p: Payload) => Payload>>;

const STEPS: Record<number, Step> = {
  // Format 1 (the first phone prototype) sent a contact's start as `at` and its length as `minutes`,
  // and a person edit as { personId, version, changes: { field: value } }.
  1: {
    "contact.create": ({ at, minutes, ...rest }) => ({
      ...rest,
      startedAt: rest.startedAt ?? at,
      durationMinutes: rest.durationMinutes ?? minutes ?? 0,
    }),
    "person.update": ({ changes, version, ...rest }) => ({
      ...(typeof changes === "object" && changes !== null ? (changes as Payload) : {}),
      ...rest,
      ...(version !== undefined && rest.baseVersion === undefined ? { baseVersion: version } : {}),
    }),
  },
};

export class FutureFormatError extends Error {
  constructor(readonly formatVersion: number) {
    super(`mutation format ${formatVersion} is newer than this server (${SYNC_FORMAT_VERSION})`);
  }
}

/** The payload in the current format. A format newer than the server's waits for a server upgrade. */
export function upgradePayload(kind: MutationKind, formatVersion: number, payload: Payload): Payload {
  if (formatVersion > SYNC_FORMAT_VERSION) throw new FutureFormatError(formatVersion);
  let out = payload;
  for (let v = formatVersion; v < SYNC_FORMAT_VERSION; v++) out = STEPS[v]?.[kind]?.(out) ?? out;
  return out;
}
