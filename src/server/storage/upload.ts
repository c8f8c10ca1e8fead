import "server-only";
import { prisma, type TTx } from "@/server/db";
import { fileStorage, newStorageKey, sha256Hex } from "@/server/storage/storage";
import { SCAN_EXTENSIONS, sniffScanType } from "@/lib/file-sniff";
import { scanProblem } from "@/domain/credentials/schemas";
import { DomainError } from "@/domain/common/errors";

// An uploaded scan or proof (PDF, JPEG or PNG, at most 10 MB), checked from its bytes, stored,
// and recorded with the row that points to it in one transaction; if that transaction fails,
// the stored file is removed again so no orphan is left behind.

export type TScanUpload = { name: string; bytes: Uint8Array };

/** Checks the scan before anything is written: size, then the type read from its bytes. Field "scan". */
export function checkScan(scan: TScanUpload | null): { mime: keyof typeof SCAN_EXTENSIONS; bytes: Uint8Array; name: string } {
  const problem = scanProblem(scan ? { size: scan.bytes.byteLength } : null);
  if (problem) throw new DomainError(problem, "scan");
  const mime = sniffScanType(scan!.bytes);
  if (!mime) throw new DomainError("scanType", "scan");
  return { mime, bytes: scan!.bytes, name: scan!.name };
}

function safeOriginalName(name: string): string {
  // Only for display and the download's filename: strip paths and control characters.
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "scan";
}

/** Stores the checked scan, then runs `write` with its StoredFile id inside one transaction. */
export async function withStoredScan<T>(scan: TScanUpload | null, actorId: string, write: (tx: TTx, fileId: string) => Promise<T>): Promise<T> {
  const checked = checkScan(scan);
  const key = newStorageKey(SCAN_EXTENSIONS[checked.mime]);
  const storage = fileStorage();
  await storage.put(key, checked.bytes);
  try {
    return await prisma.$transaction(async (tx) => {
      const file = await tx.storedFile.create({
        data: { storageKey: key, mimeType: checked.mime, size: checked.bytes.byteLength, sha256: sha256Hex(checked.bytes), originalName: safeOriginalName(checked.name), createdById: actorId },
        select: { id: true },
      });
      return write(tx, file.id);
    });
  } catch (error) {
    await storage.remove(key).catch(() => {});
    throw error;
  }
}
