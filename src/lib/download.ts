// Response headers of a file the browser receives as a download. Written once: every route that
// sends a file uses these, so the security headers cannot drift apart between routes.

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The name reduced to printable ASCII without quotes or backslashes: the fallback for old clients. */
export function asciiFileName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987). */
export function contentDisposition(disposition: "attachment" | "inline", name: string, fallback = asciiFileName(name)): string {
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A generated file to save (exports, templates, reports): never cached, never sniffed. */
export function attachmentHeaders(type: string, name: string, fallback?: string): Record<string, string> {
  return {
    "Content-Type": type,
    "Content-Disposition": contentDisposition("attachment", name, fallback),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

/**
 * An uploaded file, sent back: the stored type was sniffed from the bytes on upload, never taken
 * from the sender, and the name is the portal's (`name`), never the uploader's. Images open in the
 * browser under a sandboxing CSP; PDFs download (a sandboxed document cannot host the PDF viewer).
 */
export function uploadedFileHeaders(file: { mimeType: string }, size: number, name: string): Record<string, string> {
  return {
    "Content-Type": file.mimeType,
    "Content-Length": String(size),
    "Content-Disposition": contentDisposition(file.mimeType === "application/pdf" ? "attachment" : "inline", name),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  };
}
