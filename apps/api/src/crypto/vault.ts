// Envelope encryption of sensitive columns with AES-256-GCM (node:crypto). A sealed value carries
// the format version, the id of the key-encryption key and its own wrapped data key:
//   vp1.<kek id>.<wrapped data key>.<iv, ciphertext and tag>      (base64url parts)
// A process draws one data key per primary KEK and reuses it for a bounded number of values;
// reading unwraps each data key once and caches it. The header is authenticated with the value, so
// a changed key id or data key makes the value unreadable instead of silently wrong.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring.ts";

export const SEAL_VERSION = "vp1";
const PREFIX = `${SEAL_VERSION}.`;
/** Values sealed with one data key before a fresh one is drawn (far below AES-GCM's random-IV bound). */
const DEK_USES = 1_000_000;
const CACHE_LIMIT = 10_000;

/** A sealed value that cannot be opened: unknown key id, tampering or a malformed value. Never quotes it. */
export class SealError extends Error {}

const b64 = (b: Buffer) => b.toString("base64url");
const unb64 = (s: string) => Buffer.from(s, "base64url");

function gcmSeal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function gcmOpen(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 28) throw new SealError("sealed value too short");
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new SealError("sealed value does not authenticate");
  }
}

export const isSealed = (value: string): boolean => value.startsWith(PREFIX);

/** The id of the KEK a sealed value depends on; null for a value still in clear. */
export function kekOf(value: string): string | null {
  return isSealed(value) ? (value.split(".", 3)[1] ?? null) : null;
}

export class Vault {
  #active: { kekId: string; key: Buffer; header: string; uses: number } | null = null;
  readonly #dataKeys = new Map<string, Buffer>();

  constructor(readonly keyring: Keyring) {}

  get primaryKekId(): string {
    return this.keyring.primaryId;
  }

  seal(plain: string): string {
    const dek = this.#dataKey();
    return `${dek.header}.${b64(gcmSeal(dek.key, Buffer.from(plain, "utf8"), dek.header))}`;
  }

  /** The value in clear. A value written before encryption at rest is returned as it is (`keys reencrypt` seals it). */
  open(value: string): string {
    if (!isSealed(value)) return value;
    const parts = value.split(".");
    if (parts.length !== 4) throw new SealError("malformed sealed value");
    const [, kekId, wrapped, body] = parts as [string, string, string, string];
    const header = `${PREFIX}${kekId}.${wrapped}`;
    return gcmOpen(this.#unwrap(kekId, wrapped), unb64(body), header).toString("utf8");
  }

  /** Keyed hash for equality search: the same input gives the same hash, which reveals nothing without the key. */
  blindIndex(purpose: string, value: string): string {
    return createHmac("sha256", this.keyring.searchKey).update(`${purpose}\u0000${value}`).digest("hex");
  }

  #dataKey() {
    const kekId = this.keyring.primaryId;
    if (this.#active && this.#active.kekId === kekId && this.#active.uses < DEK_USES) {
      this.#active.uses++;
      return this.#active;
    }
    const key = randomBytes(32);
    const wrapped = b64(gcmSeal(this.#kek(kekId), key, `vindplaats-dek.${kekId}`));
    this.#remember(`${kekId}.${wrapped}`, key);
    this.#active = { kekId, key, header: `${PREFIX}${kekId}.${wrapped}`, uses: 1 };
    return this.#active;
  }

  #unwrap(kekId: string, wrapped: string): Buffer {
    const id = `${kekId}.${wrapped}`;
    const known = this.#dataKeys.get(id);
    if (known) return known;
    const key = gcmOpen(this.#kek(kekId), unb64(wrapped), `vindplaats-dek.${kekId}`);
    this.#remember(id, key);
    return key;
  }

  #kek(kekId: string): Buffer {
    const kek = this.keyring.keks.get(kekId);
    if (!kek) throw new SealError(`key ${kekId} is not configured (VINDPLAATS_KEYS)`);
    return kek;
  }

  #remember(id: string, key: Buffer) {
    if (this.#dataKeys.size >= CACHE_LIMIT) this.#dataKeys.clear();
    this.#dataKeys.set(id, key);
  }
}

// The process's vault. Repositories seal and open through it, so services and routes never see
// ciphertext. Installed from configuration by buildApp and the CLI; tests install test keys.
let current: Vault | null = null;
let loader: (() => Keyring) | null = null;

export function useKeyring(keyring: Keyring): Vault {
  current = new Vault(keyring);
  loader = null;
  return current;
}

/** Keys loaded on first use: CLI commands that never touch sealed data need no keys. */
export function useKeyringLoader(load: () => Keyring): void {
  current = null;
  loader = load;
}

export const hasVault = (): boolean => current !== null || loader !== null;

export function vault(): Vault {
  if (current) return current;
  if (loader) return useKeyring(loader());
  throw new Error("encryption keys are not loaded");
}
