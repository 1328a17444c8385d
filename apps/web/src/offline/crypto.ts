// AES-GCM for everything the phone keeps about people. The device's data key comes from the server
// as base64 and is imported once as a non-extractable CryptoKey: script can use it, never read it
// (docs/decisions/0007-offline-encryption.md). Each value gets a fresh 96-bit IV, and its slot
// ("person:<id>", "outbox:<id>") as additional data, so a ciphertext cannot be moved to another slot.

export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Imports the device's data key; the raw bytes are overwritten as soon as the key exists. */
export async function importDataKey(base64: string): Promise<CryptoKey> {
  const raw = fromBase64(base64);
  if (raw.length !== 32) throw new Error("the device key must be 256 bits");
  try {
    return await crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
  } finally {
    raw.fill(0);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function seal(key: CryptoKey, slot: string, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(slot) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, data };
}

export async function open<T>(key: CryptoKey, slot: string, sealed: Sealed): Promise<T> {
  const iv = new Uint8Array(sealed.iv);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(slot) },
    key,
    sealed.data,
  );
  return JSON.parse(decoder.decode(plain)) as T;
}
