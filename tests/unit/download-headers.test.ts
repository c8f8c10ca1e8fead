import { describe, expect, it } from "vitest";
import { asciiFileName, attachmentHeaders, contentDisposition, uploadedFileHeaders, XLSX_TYPE } from "@/lib/download";

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
});
