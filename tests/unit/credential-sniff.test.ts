import { describe, expect, it } from "vitest";
import { sniffScanType } from "@/lib/file-sniff";
import { TINY_JPEG, TINY_PDF, TINY_PNG } from "@/server/seed/scan-files";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe("scan type from magic bytes", () => {
  it("recognises real PNG, JPEG and PDF files", () => {
    expect(sniffScanType(TINY_PNG)).toBe("image/png");
    expect(sniffScanType(TINY_JPEG)).toBe("image/jpeg");
    expect(sniffScanType(TINY_PDF)).toBe("application/pdf");
  });

  it("accepts a PDF header after a little leading junk, not after 1 KB", () => {
    expect(sniffScanType(new Uint8Array([...text("\r\n"), ...TINY_PDF]))).toBe("application/pdf");
    expect(sniffScanType(new Uint8Array([...new Uint8Array(1100), ...TINY_PDF]))).toBeNull();
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
