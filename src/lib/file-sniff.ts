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

/** The scan's type from its content, or null when it is none of PDF, JPEG or PNG. */
export function sniffScanType(bytes: Uint8Array): TScanMime | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  // The PDF header may follow a little junk (the spec tolerates up to 1024 bytes before it).
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  for (let i = 0; i + PDF.length <= head.length; i++) if (startsWith(head, PDF, i)) return "application/pdf";
  return null;
}
