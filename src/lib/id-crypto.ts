// Resident ID numbers at rest: AES-256-GCM ciphertext plus an HMAC-SHA256 look-up hash, both
// under keys derived (HKDF) from one configured secret. Node-only, no I/O: the key is passed in.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { normaliseIdNumber } from "./id-number";

function subkey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.alloc(0), `swp-portal:${purpose}`, 32));
}

const keyCache = new Map<string, { enc: Buffer; mac: Buffer }>();
function keys(secret: string) {
  let k = keyCache.get(secret);
  if (!k) {
    k = { enc: subkey(secret, "id-number-encryption"), mac: subkey(secret, "id-number-lookup") };
    keyCache.set(secret, k);
  }
  return k;
}

/** "v1:" + base64(iv ‖ tag ‖ ciphertext). */
export function encryptIdNumber(secret: string, idNumber: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys(secret).enc, iv);
  const ct = Buffer.concat([cipher.update(normaliseIdNumber(idNumber), "utf8"), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString("base64")}`;
}

export function decryptIdNumber(secret: string, stored: string): string {
  if (!stored.startsWith("v1:")) throw new Error("unknown ID-number ciphertext version");
  const raw = Buffer.from(stored.slice(3), "base64");
  const decipher = createDecipheriv("aes-256-gcm", keys(secret).enc, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** Deterministic keyed hash: uniqueness and exact look-up without storing the number in clear. */
export function idNumberLookupHash(secret: string, idNumber: string): string {
  return createHmac("sha256", keys(secret).mac).update(normaliseIdNumber(idNumber)).digest("hex");
}
