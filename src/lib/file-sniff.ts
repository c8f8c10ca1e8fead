// What a file really is, from its first bytes: the extension and the browser's declared type
// are both chosen by the sender and prove nothing. Pure, so it is unit-tested on its own.

export type TScanMime = "application/pdf" | "image/jpeg" | "image/png";

export const SCAN_EXTENSIONS: Record<TScanMime, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

/**
 * The scan's type from its content, or null when it is none of PDF, JPEG or PNG. Every signature
 * must stand at offset 0: readers tolerate junk before "%PDF-", which is exactly how a program
 * (an .exe's "MZ" header first) passes itself off as a PDF.
 */
export function sniffScanType(bytes: Uint8Array): TScanMime | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PDF)) return "application/pdf";
  return null;
}

/**
 * The name a stored upload is sent under: made by the portal from what the file is and the record
 * it belongs to (`credential-ZJ2025…pdf`), never the uploader's (`licence.pdf.exe`).
 */
export function downloadName(kind: string, reference: string, mime: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64) || "file";
  const ext = (SCAN_EXTENSIONS as Record<string, string>)[mime] ?? "bin";
  return `${safe(kind)}-${safe(reference)}.${ext}`;
}
