import { describe, expect, it } from "vitest";
import { asciiFileName, attachmentHeaders, contentDisposition, inlineScanHeaders, isInlineViewable, uploadedFileHeaders, XLSX_TYPE } from "@/lib/download";

describe("download headers", () => {
  it("name the file in ASCII for old clients and in UTF-8 for the rest", () => {
    expect(asciiFileName(`证书 "扫描".png`)).toBe("__ ____.png");
    expect(contentDisposition("attachment", "cert.pdf")).toBe(`attachment; filename="cert.pdf"; filename*=UTF-8''cert.pdf`);
    expect(contentDisposition("inline", "证书 扫描.png")).toBe(`inline; filename="__ __.png"; filename*=UTF-8''${encodeURIComponent("证书 扫描.png")}`);
    expect(contentDisposition("attachment", "名册.xlsx", "register.xlsx")).toBe(`attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent("名册.xlsx")}`);
  });

  it("a generated file is saved, never cached, never sniffed", () => {
    expect(attachmentHeaders(XLSX_TYPE, "名册.xlsx", "register.xlsx")).toEqual({
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent("名册.xlsx")}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
  });

  it("an uploaded file keeps its sniffed type under a sandboxing CSP; a PDF downloads, an image opens", () => {
    const pdf = uploadedFileHeaders({ mimeType: "application/pdf" }, 1234, "credential-ZJ1.pdf");
    expect(pdf).toEqual({
      "Content-Type": "application/pdf",
      "Content-Length": "1234",
      "Content-Disposition": `attachment; filename="credential-ZJ1.pdf"; filename*=UTF-8''credential-ZJ1.pdf`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    });
    expect(uploadedFileHeaders({ mimeType: "image/png" }, 1, "credential-ZJ1.png")["Content-Disposition"]).toMatch(/^inline; /);
  });

  it("a scan for the in-page viewer is inline, never sniffed, sandboxed, and may be framed by the portal only", () => {
    for (const mimeType of ["application/pdf", "image/png", "image/jpeg"]) {
      const h = inlineScanHeaders({ mimeType }, 99, "registration-certificate-SA-2026-00012.pdf");
      expect(h).toEqual({
        "Content-Type": mimeType,
        "Content-Length": "99",
        "Content-Disposition": `inline; filename="registration-certificate-SA-2026-00012.pdf"; filename*=UTF-8''registration-certificate-SA-2026-00012.pdf`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
        "Cross-Origin-Resource-Policy": "same-origin",
      });
    }
    // Downloads are never frame-able: their policy has no frame-ancestors 'self' (and next.config sends DENY).
    expect(uploadedFileHeaders({ mimeType: "application/pdf" }, 1, "x.pdf")["Content-Security-Policy"]).not.toContain("frame-ancestors 'self'");
  });

  it("only PDF, PNG and JPEG are shown in the page; anything else is download only", () => {
    expect(["application/pdf", "image/png", "image/jpeg"].every(isInlineViewable)).toBe(true);
    for (const other of ["text/html", "image/svg+xml", "application/octet-stream", "image/gif", "", "application/pdf; charset=x"]) expect(isInlineViewable(other), other).toBe(false);
  });
});
