// Reads everything a page's IndexedDB holds, binary values as latin-1 text, so a nickname or note kept
// in clear would show up in the text; CryptoKeys are listed with whether their bytes can be read.
import type { Page } from "playwright-core";

export function dumpIndexedDb(page: Page) {
  return page.evaluate(async () => {
    const out: string[] = [];
    const keys: { extractable: boolean; type: string }[] = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(name!);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((ok) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => ok(req.result);
        });
        const flat = (v: unknown): string => {
          if (v instanceof CryptoKey) {
            keys.push({ extractable: v.extractable, type: v.type });
            return "[CryptoKey]";
          }
          if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
            const bytes =
              v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
            return Array.from(bytes, (b) => String.fromCharCode(b)).join("");
          }
          if (v && typeof v === "object")
            return Object.entries(v)
              .map(([k, x]) => `${k}=${flat(x)}`)
              .join(";");
          return String(v);
        };
        for (const row of rows) out.push(`${name}/${store}: ${flat(row)}`);
      }
      db.close();
    }
    return { text: out.join("\n"), rows: out.length, keys };
  });
}
