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

/** What the portal shows inside its own pages (the scan viewer): the types uploads are sniffed as. Anything else is download only. */
export const INLINE_VIEWABLE_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;

export function isInlineViewable(mimeType: string): boolean {
  return (INLINE_VIEWABLE_TYPES as readonly string[]).includes(mimeType);
}

/**
 * An uploaded scan shown inside the portal's own page (the viewer's <iframe> or <img>, issue 11):
 * inline, under its sniffed type, never sniffed again, never cached, and sandboxed like a
 * download. Unlike every other response it may be framed, by the portal itself only
 * (`frame-ancestors 'self'`; next.config.ts sends X-Frame-Options SAMEORIGIN for these routes
 * instead of DENY). Chromium's PDF viewer works in the sandboxed frame (checked with Chromium 156,
 * e2e/scan-viewer.spec.ts), so PDFs keep the sandbox too.
 */
export function inlineScanHeaders(file: { mimeType: string }, size: number, name: string): Record<string, string> {
  return {
    "Content-Type": file.mimeType,
    "Content-Length": String(size),
    "Content-Disposition": contentDisposition("inline", name),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}
