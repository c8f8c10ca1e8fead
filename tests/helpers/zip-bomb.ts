// Builds, without ever holding the inflated text, a minimal .xlsx whose worksheet inflates to as
// much as asked (1 GB in the zip-bomb test) and whose headers may lie about that size. The sheet is
// deflated in pieces with a full flush (byte-aligned, no back-references across pieces), so one
// compressed piece of a repeated body can be repeated as is: 1 GB of spaces is ~1 MB compressed.
import { constants, crc32, deflateRawSync } from "node:zlib";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const PARTS: Record<string, string> = {
  "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  "_rels/.rels": `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
};

/** The worksheet's XML: `head`, then `body` repeated `times` times, then `tail`. */
export type TSheetXml = { head: string; body: string; times: number; tail: string };

/** A sheet with one header cell ("name") and `body` × `times` between its rows and its end. */
export function sheetXml(body: string, times: number, rows = ""): TSheetXml {
  return {
    head: `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>${rows}`,
    body,
    times,
    tail: "</sheetData></worksheet>",
  };
}

type TEntry = { name: string; compressed: Buffer; crc: number; size: number; declared: number };

const piece = (text: string | Buffer) => deflateRawSync(text, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
/** An empty final block: ends a deflate stream made of full-flushed pieces. */
const FINAL = deflateRawSync(Buffer.alloc(0));

function entry(name: string, text: string): TEntry {
  const data = Buffer.from(text);
  return { name, compressed: deflateRawSync(data), crc: crc32(data), size: data.length, declared: data.length };
}

function sheetEntry(sheet: TSheetXml, declared?: number): TEntry {
  const body = Buffer.from(sheet.body);
  const bodyPiece = piece(body);
  const compressed = Buffer.concat([piece(sheet.head), ...Array.from({ length: sheet.times }, () => bodyPiece), piece(sheet.tail), FINAL]);
  let crc = crc32(sheet.head);
  for (let i = 0; i < sheet.times; i++) crc = crc32(body, crc);
  crc = crc32(sheet.tail, crc);
  const size = Buffer.byteLength(sheet.head) + body.length * sheet.times + Buffer.byteLength(sheet.tail);
  return { name: "xl/worksheets/sheet1.xml", compressed, crc, size, declared: declared ?? size };
}

/** A ZIP of the entries, with the (possibly false) declared sizes in both local and central headers. */
function zip(entries: TEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * An .xlsx holding `sheet` as its only worksheet. `declaredSheetSize` is what its headers claim the
 * sheet inflates to (the truth when omitted). Returns the file and the sheet's true inflated size.
 */
export function workbookZip(sheet: TSheetXml, declaredSheetSize?: number): { bytes: Uint8Array; sheetSize: number } {
  const s = sheetEntry(sheet, declaredSheetSize);
  return { bytes: zip([...Object.entries(PARTS).map(([name, text]) => entry(name, text)), s]), sheetSize: s.size };
}

/** 1 GiB of spaces between the sheet's rows (valid XML whitespace), declared as 1,000 bytes. */
export function gigabyteBomb(): { bytes: Uint8Array; sheetSize: number } {
  return workbookZip(sheetXml(" ".repeat(1024 * 1024), 1024), 1000);
}

/** A ZIP of the given parts (name → text), deflated: any package a test needs, a workbook as another writer lays it out. */
export function zipOf(parts: Record<string, string>): Uint8Array {
  return zip(Object.entries(parts).map(([name, text]) => entry(name, text)));
}
