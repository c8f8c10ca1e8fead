import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { env } from "@/env";

// Uploaded files live behind this interface so that app instances stay stateless once a shared
// store is configured. Keys are random (never derived from user input), so a key can neither be
// guessed nor escape the storage root.
//
// S3-compatible option (interface only, not built): an implementation of TFileStorage backed by
// any S3 API (MinIO, Ceph, a cloud bucket) would map put → PutObject (with the sha256 as
// x-amz-checksum-sha256), get → GetObject, remove → DeleteObject, configured by STORAGE_S3_ENDPOINT,
// STORAGE_S3_BUCKET, STORAGE_S3_ACCESS_KEY and STORAGE_S3_SECRET_KEY in src/env.ts. Nothing else in the
// application changes: StoredFile rows keep the key, type, size and checksum.
export interface TFileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

export function newStorageKey(extension: string): string {
  const now = new Date();
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `${month}/${randomBytes(24).toString("base64url")}.${extension}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const KEY = /^[0-9]{4}\/[0-9]{2}\/[A-Za-z0-9_-]{32}\.[a-z]{3,4}$/;

export function localDiskStorage(root: string): TFileStorage {
  const base = path.resolve(root);
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(base, key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      // wx: never overwrite; write to a temporary name first so a crash leaves no half file under the key.
      const tmp = `${file}.${randomBytes(6).toString("hex")}.part`;
      await fsp.writeFile(tmp, bytes, { flag: "wx", mode: 0o600 });
      await fsp.rename(tmp, file);
    },
    async get(key) {
      try {
        return await fsp.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await fsp.rm(fileOf(key), { force: true });
    },
  };
}

let storage: TFileStorage | null = null;

/** The configured store: local disk under STORAGE_DIR (default .data/uploads). */
export function fileStorage(): TFileStorage {
  storage ??= localDiskStorage(env.STORAGE_DIR);
  return storage;
}
