import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDateFormatCode, openXlsx, serialToDate, XlsxReadError } from "@/lib/xlsx-read";
import { sniffSpreadsheet } from "@/lib/spreadsheet-sniff";
import { zipOf } from "../helpers/zip-bomb";

// The workbook reader takes what other writers lay out differently; the sniffer says what a file
// that is not an .xlsx really is. Fixture files: tests/fixtures/staff-import (generate.sh).

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/staff-import", name)));
const limits = { maxEntryBytes: 1 << 20, maxColumns: 64 };
const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** A one-sheet package with the given workbook, sheet, shared strings and styles XML, as a writer other than exceljs might lay it out. */
function book({ sheet, shared, styles, workbook, rels = OFFICE, sheetPath = "xl/worksheets/data.xml", target = "/xl/worksheets/data.xml" }: { sheet: string; shared?: string; styles?: string; workbook?: string; rels?: string; sheetPath?: string; target?: string }) {
  return zipOf({
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${rels}/officeDocument" Target="xl/book.xml"/></Relationships>`,
    "xl/book.xml": workbook ?? `<x:workbook xmlns:x="m" xmlns:r="${rels}"><x:sheets><x:sheet name="S" sheetId="1" r:id="rA"/></x:sheets></x:workbook>`,
    "xl/_rels/book.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rA" Type="${rels}/worksheet" Target="${target}"/><Relationship Id="rS" Type="${rels}/sharedStrings" Target="strings.xml"/><Relationship Id="rT" Type="${rels}/styles" Target="../xl/st.xml"/></Relationships>`,
    [sheetPath]: sheet,
    "xl/strings.xml": shared ?? "<sst/>",
    "xl/st.xml": styles ?? "<styleSheet/>",
  });
}

describe("reading workbooks written by others", () => {
  it("finds the workbook and sheets through relationships (any part names, absolute targets, Strict namespaces, x: prefixes)", () => {
    const b = openXlsx(book({ rels: STRICT, sheet: '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>' }), limits);
    expect(b.sheets.map((s) => s.name)).toEqual(["S"]);
    expect(b.sheets[0]!.read().get(1)?.get(1)).toEqual({ t: "text", text: "姓名" });
  });

  it("reads rows and cells without r attributes, shared strings with rich runs and phonetic guides left out, formula results, booleans, t=\"d\" dates and date styles", () => {
    const shared = '<sst><si><t>王小红</t></si><si><r><t>周</t></r><r><rPr><b/></rPr><t>婉</t></r><r><t>清</t></r><rPh sb="0" eb="1"><t>ZHOU</t></rPh></si></sst>';
    const styles = '<styleSheet><numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const sheet = `<worksheet><sheetData>
      <row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c s="1"><v>45352</v></c><c s="2"><v>13800000000</v></c></row>
      <row><c t="str"><f>A1&amp;""</f><v>公式值</v></c><c t="b"><v>1</v></c><c t="d"><v>2024-03-01T00:00:00</v></c><c s="3"><v>45352.5</v></c><c t="e"><v>#N/A</v></c></row>
      <row r="5"><c r="C5"><v>7</v></c></row></sheetData></worksheet>`;
    const rows = openXlsx(book({ sheet, shared, styles }), limits).sheets[0]!.read();
    expect([...rows.keys()]).toEqual([1, 2, 5]);
    expect(rows.get(1)!.get(1)).toEqual({ t: "text", text: "王小红" });
    expect(rows.get(1)!.get(2)).toEqual({ t: "text", text: "周婉清" });
    expect(rows.get(1)!.get(3)).toEqual({ t: "number", value: 45352, date: true });
    expect(rows.get(1)!.get(4)).toEqual({ t: "number", value: 13800000000, date: false });
    expect(rows.get(2)!.get(1)).toEqual({ t: "text", text: "公式值" });
    expect(rows.get(2)!.get(2)).toEqual({ t: "bool", value: true });
    expect(rows.get(2)!.get(3)).toEqual({ t: "date", iso: "2024-03-01T00:00:00" });
    expect(rows.get(2)!.get(4)).toEqual({ t: "number", value: 45352.5, date: true });
    expect(rows.get(2)!.get(5)).toEqual({ t: "error", text: "#N/A" });
    expect(rows.get(5)!.get(3)).toEqual({ t: "number", value: 7, date: false });
  });

  it("reads the 1904 date system, leaves chart sheets out, and refuses a broken structure as unreadable", () => {
    const workbook = `<workbook xmlns:r="${OFFICE}"><workbookPr date1904="1"/><sheets><sheet name="S" r:id="rA"/><sheet name="Chart" r:id="rZ"/></sheets></workbook>`;
    const b = openXlsx(book({ workbook, sheet: "<worksheet><sheetData/></worksheet>" }), limits);
    expect(b.date1904).toBe(true);
    expect(b.sheets.map((s) => s.name)).toEqual(["S"]);
    expect(() => openXlsx(book({ sheet: "<worksheet><sheetData><row>" }), limits).sheets[0]!.read()).toThrow(XlsxReadError);
    expect(() => openXlsx(new TextEncoder().encode("not a zip"), limits)).toThrow(XlsxReadError);
  });

  it("tells date formats from others", () => {
    for (const code of ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "[$-F800]dddd, mmmm dd, yyyy", "[DBNum1][$-804]yyyy\"年\"m\"月\"", "h:mm:ss", "m/d/yy"]) expect(isDateFormatCode(code), code).toBe(true);
    for (const code of ["General", "@", "0.00", "#,##0_);[Red](#,##0)", '"Day "0', "0.00E+00"]) expect(isDateFormatCode(code), code).toBe(false);
  });

  it("turns serial days into days (1900 and 1904 systems), a time of day dropped", () => {
    expect(serialToDate(45352)?.toISOString().slice(0, 10)).toBe("2024-03-01");
    expect(serialToDate(45352.9999999)?.toISOString().slice(0, 10)).toBe("2024-03-02");
    expect(serialToDate(45352.6)?.toISOString().slice(0, 10)).toBe("2024-03-01");
    expect(serialToDate(43891, true)?.toISOString().slice(0, 10)).toBe("2024-03-02");
    expect(serialToDate(0)).toBeNull();
    expect(serialToDate(20240301)).toBeNull();
  });
});

describe("what a file really is", () => {
  it.each([
    ["openpyxl-template.xlsx", "xlsx"],
    ["libreoffice-template.xlsx", "xlsx"],
    ["old-excel.xls", "oldXls"],
    ["password-protected.xlsx", "passwordProtected"],
    ["staff.csv", "csv"],
    ["web-page.xls", "html"],
    ["opendocument.ods", "ods"],
    ["truncated.xlsx", "damaged"],
    ["word-document.xlsx", "notSpreadsheet"],
  ])("%s is %s", (name, kind) => {
    expect(sniffSpreadsheet(fixture(name))).toBe(kind);
  });

  it("also knows an .xlsb, a PDF, an image and a tab-separated export", () => {
    expect(sniffSpreadsheet(zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "x" }))).toBe("xlsb");
    expect(sniffSpreadsheet(new TextEncoder().encode("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"))).toBe("notSpreadsheet");
    expect(sniffSpreadsheet(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe("notSpreadsheet");
    expect(sniffSpreadsheet(new TextEncoder().encode("姓名\t居民身份证号码\n王小红\t110101199203040028\n"))).toBe("csv");
  });
});
