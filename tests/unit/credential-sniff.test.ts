import { describe, expect, it } from "vitest";
import { downloadName, sniffScanType } from "@/lib/file-sniff";
import { TINY_JPEG, TINY_PDF, TINY_PNG } from "@/server/seed/scan-files";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe("scan type from magic bytes", () => {
  it("recognises real PNG, JPEG and PDF files", () => {
    expect(sniffScanType(TINY_PNG)).toBe("image/png");
    expect(sniffScanType(TINY_JPEG)).toBe("image/jpeg");
    expect(sniffScanType(TINY_PDF)).toBe("application/pdf");
  });

  it("refuses a program posing as a PDF: the signature must stand at offset 0 (issue 10, hole 6)", () => {
    // A Windows program ("MZ" header) with a PDF header a few bytes in: readers tolerate the junk.
    const exe = new Uint8Array([...text("MZ\x90\x00\x03\x00\x00\x00"), ...TINY_PDF]);
    expect(sniffScanType(exe)).toBeNull();
    expect(sniffScanType(new Uint8Array([...text("\r\n"), ...TINY_PDF]))).toBeNull();
    expect(sniffScanType(new Uint8Array([...text(" "), ...TINY_PNG]))).toBeNull();
  });

  it("names a download after what it is and its record, never the uploader's name", () => {
    expect(downloadName("credential", "ZJ2025-0067", "application/pdf")).toBe("credential-ZJ2025-0067.pdf");
    expect(downloadName("cpd-proof", "licence.pdf.exe", "image/png")).toBe("cpd-proof-licence-pdf-exe.png");
    expect(downloadName("credential", "../../etc/passwd", "image/jpeg")).toBe("credential-etc-passwd.jpg");
    expect(downloadName("credential", "证书", "application/pdf")).toBe("credential-file.pdf");
  });

  it("refuses other content whatever it claims to be", () => {
    expect(sniffScanType(text("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(sniffScanType(text("GIF89a...."))).toBeNull();
    expect(sniffScanType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // zip / docx
    expect(sniffScanType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull(); // truncated PNG signature
    expect(sniffScanType(bytes(0xff, 0xd8))).toBeNull(); // truncated JPEG signature
    expect(sniffScanType(new Uint8Array())).toBeNull();
  });
});
