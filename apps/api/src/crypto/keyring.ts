// Key-encryption keys (KEKs) and the search key, from configuration. The first KEK of
// VINDPLAATS_KEYS is the primary one (new data keys are wrapped with it); the others stay for
// reading data written before a rotation. Without configured keys the embedded default keeps
// generated development keys in <data dir>/keys.json; PostgreSQL refuses to start without keys.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Keyring {
  /** Id of the KEK that wraps new data keys. */
  primaryId: string;
  keks: ReadonlyMap<string, Buffer>;
  /** HMAC key of the keyed hashes used for equality search (national register number). */
  searchKey: Buffer;
}

export interface KeySource {
  encryptionKeys: string | undefined;
  searchKey: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

function decodeKey(text: string, what: string, minBytes: number, exactBytes?: number): Buffer {
  // Node's base64 decoder takes both the standard and the URL-safe alphabet.
  const key = Buffer.from(text.trim(), "base64");
  if (exactBytes ? key.length !== exactBytes : key.length < minBytes)
    throw new Error(`${what} must be ${exactBytes ?? `at least ${minBytes}`} random bytes in base64`);
  return key;
}

/** "id:base64,id:base64": the first is primary. */
export function parseKeyring(encryptionKeys: string, searchKey: string): Keyring {
  const keks = new Map<string, Buffer>();
  for (const part of encryptionKeys
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf(":");
    const id = part.slice(0, at);
    if (at < 1 || !KEY_ID.test(id))
      throw new Error("VINDPLAATS_KEYS: each key is <id>:<base64>, ids of A-Z a-z 0-9 _ -");
    if (keks.has(id)) throw new Error(`VINDPLAATS_KEYS: key id ${id} appears twice`);
    keks.set(id, decodeKey(part.slice(at + 1), `VINDPLAATS_KEYS key ${id}`, 32, 32));
  }
  const primaryId = keks.keys().next().value;
  if (!primaryId) throw new Error("VINDPLAATS_KEYS holds no key");
  return { primaryId, keks, searchKey: decodeKey(searchKey, "VINDPLAATS_SEARCH_KEY", 32) };
}

/** A new key line for the configuration: `<id>:<32 random bytes in base64>`. */
export function newKeySpec(id: string): string {
  if (!KEY_ID.test(id)) throw new Error("a key id is 1-32 of A-Z a-z 0-9 _ -");
  return `${id}:${randomBytes(32).toString("base64")}`;
}

export const newSearchKey = () => randomBytes(32).toString("base64");

interface DevKeyFile {
  keys: string;
  searchKey: string;
}

/** Development keys of the embedded default, created on first use next to the database files. */
function devKeyring(dataDir: string): Keyring {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "keys.json");
  if (!existsSync(file)) {
    const fresh: DevKeyFile & { about: string } = {
      about:
        "Development keys of this embedded database, generated on first start. In production set VINDPLAATS_KEYS and VINDPLAATS_SEARCH_KEY instead (see README).",
      keys: newKeySpec("dev1"),
      searchKey: newSearchKey(),
    };
    writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  const stored = JSON.parse(readFileSync(file, "utf8")) as DevKeyFile;
  return parseKeyring(stored.keys, stored.searchKey);
}

let ephemeral: Keyring | undefined;
/** In-memory databases (tests) get keys that live as long as the process. */
export function ephemeralKeyring(): Keyring {
  ephemeral ??= parseKeyring(newKeySpec("mem1"), newSearchKey());
  return ephemeral;
}

export function loadKeyring(source: KeySource): Keyring {
  if (source.encryptionKeys) {
    if (!source.searchKey) throw new Error("VINDPLAATS_SEARCH_KEY must be set together with VINDPLAATS_KEYS");
    return parseKeyring(source.encryptionKeys, source.searchKey);
  }
  if (source.databaseUrl)
    throw new Error(
      "VINDPLAATS_KEYS and VINDPLAATS_SEARCH_KEY must be set when DATABASE_URL is used (npx vindplaats keys generate)",
    );
  if (source.dataDir.startsWith("memory://")) return ephemeralKeyring();
  return devKeyring(source.dataDir);
}
