// The sealed-value format: round trip, key id in the value, tampering, rotation and configuration.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKeyring, newKeySpec, newSearchKey, parseKeyring } from "./keyring.ts";
import { isSealed, kekOf, SealError, Vault } from "./vault.ts";

const k1 = newKeySpec("k1");
const k2 = newKeySpec("k2");
const search = newSearchKey();

describe("sealed values", () => {
  const vault = new Vault(parseKeyring(k1, search));

  it("round-trips text (diacritics included) and never holds it in clear", () => {
    const plain = "Zegt dat hij Jérôme heet; slaapt bij de Sint-Gillisvoorpoort";
    const sealed = vault.seal(plain);
    expect(sealed).not.toContain("Jérôme");
    expect(sealed.startsWith("vp1.k1.")).toBe(true);
    expect(sealed.split(".")).toHaveLength(4);
    expect(vault.open(sealed)).toBe(plain);
    // A fresh IV each time: equal notes do not look equal at rest.
    expect(vault.seal(plain)).not.toBe(sealed);
  });

  it("names its key and refuses a changed value or header", () => {
    const sealed = vault.seal("notitie");
    expect(kekOf(sealed)).toBe("k1");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[20] = body[20]! ^ 1;
    expect(() => vault.open([...parts.slice(0, 3), body.toString("base64url")].join("."))).toThrow(SealError);
    expect(() => vault.open(["vp1", "k1", parts[2]].join("."))).toThrow(SealError);
    // Another data key does not open this value (the header is authenticated with it).
    const other = new Vault(parseKeyring(k1, search)).seal("x").split(".")[2];
    expect(() => vault.open([parts[0], parts[1], other, parts[3]].join("."))).toThrow(SealError);
  });

  it("passes values from before encryption at rest through unchanged", () => {
    expect(isSealed("gewone tekst")).toBe(false);
    expect(vault.open("gewone tekst")).toBe("gewone tekst");
  });

  it("keeps old values readable after rotation, and not without the old key", () => {
    const old = vault.seal("geschreven met sleutel 1");
    const rotated = new Vault(parseKeyring(`${k2},${k1}`, search));
    expect(rotated.open(old)).toBe("geschreven met sleutel 1");
    const fresh = rotated.seal("geschreven met sleutel 2");
    expect(kekOf(fresh)).toBe("k2");
    const onlyNew = new Vault(parseKeyring(k2, search));
    expect(onlyNew.open(fresh)).toBe("geschreven met sleutel 2");
    expect(() => onlyNew.open(old)).toThrow(/k1 is not configured/);
  });

  it("gives the same keyed hash for the same input, another for another key", () => {
    const a = new Vault(parseKeyring(k1, search));
    const b = new Vault(parseKeyring(k2, search));
    expect(a.blindIndex("nrn", "85073003328")).toBe(b.blindIndex("nrn", "85073003328"));
    expect(a.blindIndex("nrn", "85073003328")).not.toBe(a.blindIndex("nrn", "85073003329"));
    const c = new Vault(parseKeyring(k1, newSearchKey()));
    expect(c.blindIndex("nrn", "85073003328")).not.toBe(a.blindIndex("nrn", "85073003328"));
  });
});

describe("key configuration", () => {
  it("rejects short keys, bad ids and a missing search key", () => {
    expect(() => parseKeyring("k1:c2hvcnQ=", search)).toThrow(/32/);
    expect(() => parseKeyring(`bad.id:${k1.slice(3)}`, search)).toThrow(/id/);
    expect(() => parseKeyring(`${k1},${k1}`, search)).toThrow(/twice/);
    expect(() =>
      loadKeyring({ encryptionKeys: k1, searchKey: undefined, dataDir: "memory://", databaseUrl: undefined }),
    ).toThrow(/VINDPLAATS_SEARCH_KEY/);
  });

  it("refuses PostgreSQL without configured keys", () => {
    expect(() =>
      loadKeyring({ encryptionKeys: undefined, searchKey: undefined, dataDir: "./data", databaseUrl: "postgres://x" }),
    ).toThrow(/VINDPLAATS_KEYS/);
  });

  it("generates development keys once for the embedded default, readable by the owner only", () => {
    const dir = mkdtempSync(join(tmpdir(), "vp-keys-"));
    try {
      const source = { encryptionKeys: undefined, searchKey: undefined, dataDir: dir, databaseUrl: undefined };
      const first = loadKeyring(source);
      const again = loadKeyring(source);
      expect(again.primaryId).toBe(first.primaryId);
      expect(again.keks.get(first.primaryId)!.equals(first.keks.get(first.primaryId)!)).toBe(true);
      expect(statSync(join(dir, "keys.json")).mode & 0o077).toBe(0);
      expect(readFileSync(join(dir, "keys.json"), "utf8")).toContain("VINDPLAATS_KEYS");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
