import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/domain/staff/schemas";
import { INFLATE_CHUNK_BYTES, inflateGuard, looksLikeXlsx, rowCounter, zipFacts } from "@/lib/zip-guard";
import { INFLATE_LIMITS as limits, MAX_ENTRY_BYTES } from "@/server/staff-import/read";
import { staffWorkbook } from "../helpers/staff-import";
import { gigabyteBomb, sheetXml, workbookZip } from "../helpers/zip-bomb";

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


describe("inflating guard (sizes as inflated, not as declared)", () => {
  it("refuses a workbook whose sheet inflates to 1 GB while declaring 1,000 bytes, after inflating no more than the cap", async () => {
    const bomb = gigabyteBomb();
    expect(bomb.sheetSize).toBeGreaterThan(2 ** 30);
    expect(bomb.bytes.length).toBeLessThan(IMPORT_MAX_BYTES); // an upload the size limit lets through
    expect(zipFacts(bomb.bytes)!.uncompressed).toBeLessThan(10_000); // and the declared sizes would too

    const result = await inflateGuard(bomb.bytes, limits);
    expect(result).toMatchObject({ ok: false, problem: "tooLarge", entry: "xl/worksheets/sheet1.xml" });
    // Counted as produced: it reached the cap (so it did not trust the 1,000 bytes declared) and
    // stopped within one output chunk of it, the workbook's other small parts included.
    const otherParts = zipFacts(bomb.bytes)!.uncompressed - 1000;
    expect(result.inflatedBytes).toBeGreaterThan(MAX_ENTRY_BYTES);
    expect(result.inflatedBytes).toBeLessThanOrEqual(MAX_ENTRY_BYTES + INFLATE_CHUNK_BYTES + otherParts);
  });

  it("refuses what all parts together inflate to past the total cap, within one chunk of it", async () => {
    const { bytes, sheetSize } = workbookZip(sheetXml(" ".repeat(64 * 1024), 64), 10); // 4 MiB declared as 10 bytes
    const total = 2 * 1024 * 1024;
    const result = await inflateGuard(bytes, { ...limits, maxEntryBytes: 2 * sheetSize, maxTotalBytes: total });
    expect(result).toMatchObject({ ok: false, problem: "tooLarge" });
    expect(result.inflatedBytes).toBeGreaterThan(total);
    expect(result.inflatedBytes).toBeLessThanOrEqual(total + INFLATE_CHUNK_BYTES);
  });

  it("passes a normal workbook made by exceljs, counting exactly the bytes its parts inflate to", async () => {
    const bytes = await xlsx();
    const result = await inflateGuard(bytes, limits);
    expect(result).toEqual({ ok: true, inflatedBytes: zipFacts(bytes)!.uncompressed }); // exceljs declares the truth
    const built = workbookZip(sheetXml(" ".repeat(1000), 3));
    expect(await inflateGuard(built.bytes, limits)).toMatchObject({ ok: true, inflatedBytes: zipFacts(built.bytes)!.uncompressed });
  });

  it("refuses a sheet with more rows than the import's limit before inflating it whole", async () => {
    const bytes = new Uint8Array(await staffWorkbook(Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({ name: `n${i}` })), undefined, ["name"]));
    const result = await inflateGuard(bytes, limits);
    expect(result).toMatchObject({ ok: false, problem: "tooManyRows", entry: "xl/worksheets/sheet1.xml" });
    expect(result.inflatedBytes).toBeLessThan(zipFacts(bytes)!.uncompressed);
    // Exactly at the bound is fine: a header and three rows under maxRows 4.
    const four = new Uint8Array(await staffWorkbook([{ name: "a" }, { name: "b" }, { name: "c" }], undefined, ["name"]));
    expect(await inflateGuard(four, { ...limits, maxRows: 4 })).toMatchObject({ ok: true });
    expect(await inflateGuard(four, { ...limits, maxRows: 3 })).toMatchObject({ ok: false, problem: "tooManyRows" });
  });

  it("refuses more parts than allowed before inflating any", async () => {
    const bytes = await xlsx();
    const parts = zipFacts(bytes)!.entries;
    expect(await inflateGuard(bytes, { ...limits, maxEntries: parts })).toMatchObject({ ok: true });
    expect(await inflateGuard(bytes, { ...limits, maxEntries: parts - 1 })).toEqual({ ok: false, problem: "tooLarge", inflatedBytes: 0 });
  });

  it("refuses what is not a readable ZIP of deflated parts", async () => {
    expect(await inflateGuard(new TextEncoder().encode("%PDF-1.7 ..."), limits)).toMatchObject({ ok: false, problem: "unreadable" });
    const bytes = await xlsx();
    const broken = bytes.slice();
    const data = 30 + new DataView(broken.buffer).getUint16(26, true) + new DataView(broken.buffer).getUint16(28, true);
    broken[data] = 0xff; // the first part's first deflate block: final, of the reserved type 3
    expect(await inflateGuard(broken, limits)).toMatchObject({ ok: false, problem: "unreadable" });
  });
});

describe("central directory read as exceljs's unzipper (JSZip) reads it", () => {
  /** The workbook's bytes with its end-of-central-directory record at hand. */
  async function withEnd() {
    const bytes = Buffer.from(await xlsx());
    return { bytes, end: bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) };
  }
  const refused = async (bytes: Uint8Array) => {
    expect(zipFacts(bytes)).toBeNull();
    expect(await inflateGuard(bytes, limits)).toMatchObject({ ok: false, problem: "unreadable" });
  };

  it("refuses records beyond the count the end record gives (JSZip reads them all: a part the guard would skip)", async () => {
    const { bytes, end } = await withEnd();
    const count = bytes.readUInt16LE(end + 10);
    bytes.writeUInt16LE(count - 1, end + 8);
    bytes.writeUInt16LE(count - 1, end + 10);
    await refused(bytes);
  });

  it("refuses a directory that does not end where the end record begins (JSZip shifts every offset then)", async () => {
    const { bytes, end } = await withEnd();
    await refused(new Uint8Array(Buffer.concat([bytes.subarray(0, end), Buffer.alloc(16), bytes.subarray(end)])));
  });

  it("refuses a ZIP64 marker in any field of the end record (JSZip then reads another directory)", async () => {
    for (const at of [4, 6, 8]) {
      const { bytes, end } = await withEnd();
      bytes.writeUInt16LE(0xffff, end + at);
      await refused(bytes);
    }
  });
});

describe("row counter", () => {
  const xml =
    '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2" s="3" customFormat="1"/>' +
    '<x:row r="3"><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row><row r="4"><c r="A4" s="1"/></row>' +
    '<row r="5"><c><f>A1</f><v>1</v></c><c><v>2</v></c></row><row r="6" s="2"/></sheetData>' +
    "<extLst><ext><x14:dataValidations><x14:dataValidation><x14:formula1><xm:f>Lists!$A$1</xm:f></x14:formula1></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>";

  it("counts rows holding a value (as exceljs's actualRowCount), not formatting-only rows nor formulas after the rows", () => {
    const counter = rowCounter();
    expect(counter.push(new TextEncoder().encode(xml))).toBe(3);
  });

  it("counts the same however the XML is cut into chunks", () => {
    const bytes = new TextEncoder().encode(xml);
    for (let size = 1; size <= 12; size++) {
      const counter = rowCounter();
      let rows = 0;
      for (let i = 0; i < bytes.length; i += size) rows = counter.push(bytes.subarray(i, i + size));
      expect(rows, `chunks of ${size}`).toBe(3);
    }
  });
});
