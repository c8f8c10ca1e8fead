import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { looksLikeXlsx, zipFacts } from "@/lib/zip-guard";

async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("a").addRow(["x".repeat(1000)]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("zip guard", () => {
  it("reads an .xlsx's entries and uncompressed size without inflating it", async () => {
    const bytes = await xlsx();
    const facts = zipFacts(bytes);
    expect(facts).not.toBeNull();
    expect(facts!.names).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
    expect(facts!.uncompressed).toBeGreaterThan(1000);
    expect(looksLikeXlsx(facts)).toBe(true);
  });

  it("refuses what is not a (whole) ZIP, and ZIPs that are not workbooks", async () => {
    expect(zipFacts(new TextEncoder().encode("%PDF-1.7 ..."))).toBeNull();
    expect(zipFacts(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    const bytes = await xlsx();
    expect(zipFacts(bytes.subarray(0, bytes.length - 30))).toBeNull(); // truncated: no end record
    expect(looksLikeXlsx(null)).toBe(false);
    expect(looksLikeXlsx({ entries: 1, uncompressed: 10, names: ["word/document.xml", "[Content_Types].xml"] })).toBe(false);
  });
});
