// Reads the cell values of an Office Open XML workbook (.xlsx), whoever wrote it: Excel, WPS,
// LibreOffice, Numbers, Google Sheets, openpyxl, exceljs, SheetJS, the OpenXML SDK… Only values
// are read (no styles beyond "is this number a date", no comments, drawings or validations), so
// the parts other writers lay out differently — comments under xl/comments/, absolute targets,
// sheets not named sheetN.xml, `x:` namespace prefixes, Strict OOXML namespaces, rows and cells
// without an `r` attribute, inline strings, rich text with phonetic runs, `t="d"` date cells —
// cannot make the reader fail (exceljs 4.4 threw on openpyxl's comment layout; see
// docs/decisions/012-staff-import-files.md). The archive must have passed src/lib/zip-guard.ts first.
import { SaxesParser } from "saxes";
import { openZip, type TZipReader } from "./zip-guard";

export type TXlsxCell =
  | { t: "text"; text: string }
  /** `date`: the cell's number format shows it as a date (the number is then a serial day). */
  | { t: "number"; value: number; date: boolean }
  | { t: "bool"; value: boolean }
  /** A `t="d"` cell: an ISO 8601 date (and time) as written. */
  | { t: "date"; iso: string }
  | { t: "error"; text: string };

/** Row number → column number (1-based, as the spreadsheet numbers them) → cell; only cells holding a value. */
export type TXlsxRows = Map<number, Map<number, TXlsxCell>>;

export type TXlsxSheet = { name: string; hidden: boolean; read: () => TXlsxRows };

export type TXlsxBook = {
  /** The 1904 date system (older Mac workbooks): serial days count from 1904-01-01. */
  date1904: boolean;
  /** Worksheets in the workbook's order (chart sheets and dialog sheets left out). */
  sheets: TXlsxSheet[];
};

/** The workbook's structure or XML cannot be read (a damaged or not-quite-xlsx file). */
export class XlsxReadError extends Error {}

export type TXlsxLimits = {
  /** Bytes any one part may inflate to. */
  maxEntryBytes: number;
  /** Columns read per row; cells further right are ignored. */
  maxColumns: number;
};

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

type TAttrs = Record<string, string>;
/** Attributes by local name ("r:id" → "id"). */
function attrs(raw: Record<string, string>): TAttrs {
  const out: TAttrs = {};
  for (const [k, v] of Object.entries(raw)) out[localName(k)] = v;
  return out;
}

type THandlers = {
  open?: (name: string, a: TAttrs) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

function parseXml(xml: string, h: THandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("error", (e) => {
    throw new XlsxReadError(e.message);
  });
  if (h.open) parser.on("opentag", (tag) => h.open!(localName(tag.name), attrs(tag.attributes as Record<string, string>)));
  if (h.close) parser.on("closetag", (tag) => h.close!(localName(tag.name)));
  if (h.text) {
    parser.on("text", h.text);
    parser.on("cdata", h.text);
  }
  parser.write(xml).close();
}

const decoder = new TextDecoder("utf-8");
function decode(bytes: Uint8Array): string {
  // UTF-16 parts are allowed by the standard; every writer seen uses UTF-8.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return decoder.decode(bytes);
}

/** A part's path inside the archive, without a leading slash, "." and ".." resolved. */
function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `${base.split("/").slice(0, -1).join("/")}/${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}

type TRel = { id: string; type: string; target: string };

/** The relationships of a part (its _rels/<name>.rels), targets resolved against the part. */
function relsOf(zip: TZipReader, part: string, limits: TXlsxLimits): TRel[] {
  const dir = part.split("/").slice(0, -1).join("/");
  const file = part.split("/").pop()!;
  const bytes = zip.read(`${dir ? `${dir}/` : ""}_rels/${file}.rels`, limits.maxEntryBytes);
  if (!bytes) return [];
  const rels: TRel[] = [];
  parseXml(decode(bytes), {
    open: (name, a) => {
      if (name === "Relationship" && a.Target && a.TargetMode !== "External") rels.push({ id: a.Id ?? "", type: a.Type ?? "", target: resolvePath(part, a.Target) });
    },
  });
  return rels;
}

/** Relationship types end the same in transitional and Strict OOXML. */
const isType = (rel: TRel, kind: string) => rel.type.endsWith(`/${kind}`);

/** Text of a string item (shared string or inline string): its runs, phonetic guides left out. */
function stringCollector() {
  let inT = false;
  let phonetic = 0;
  let text = "";
  return {
    open(name: string) {
      if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inT = true;
    },
    close(name: string) {
      if (name === "rPh") phonetic--;
      else if (name === "t") inT = false;
    },
    text(s: string) {
      if (inT) text += s;
    },
    take() {
      const t = text;
      text = "";
      inT = false;
      phonetic = 0;
      return t;
    },
  };
}

function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const c = stringCollector();
  parseXml(xml, {
    open: (name) => {
      if (name === "si") c.take();
      else c.open(name);
    },
    close: (name) => {
      if (name === "si") strings.push(c.take());
      else c.close(name);
    },
    text: (s) => c.text(s),
  });
  return strings;
}

/** Built-in number formats that show a date or time (Excel's list, East Asian ones included). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date: y, m, d, h or s outside quoted text, escapes and [brackets]. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "")
    .replace(/\[[^\]]*\]/g, "");
  // Only the first section counts (positive numbers); "General" and "@" have none of these letters.
  return /[ymdhs]/i.test(bare.split(";")[0] ?? "");
}

/** For each cell style (cellXfs index): whether it formats numbers as dates. */
function readDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  const xfIds: number[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open: (name, a) => {
      if (name === "numFmt" && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfIds.push(Number(a.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of xfIds) styles.push(custom.has(id) ? isDateFormatCode(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id));
  return styles;
}

/** "BC12" → column 55 and row 12; a reference without a row gives row null. */
function parseRef(ref: string): { col: number; row: number | null } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)?$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: m[2] ? Number(m[2]) : null };
}

function readSheet(xml: string, shared: string[], dateStyles: boolean[], limits: TXlsxLimits): TXlsxRows {
  const rows: TXlsxRows = new Map();
  let rowNumber = 0;
  let col = 0;
  let cell: { col: number; type: string; style: number; v: string; hasV: boolean; inline: boolean } | null = null;
  let inV = false;
  let inSheetData = false;
  const inline = stringCollector();
  const put = (row: number, column: number, value: TXlsxCell) => {
    if (column > limits.maxColumns) return;
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(column, value);
  };
  parseXml(xml, {
    open: (name, a) => {
      if (name === "sheetData") inSheetData = true;
      if (!inSheetData) return;
      if (name === "row") {
        rowNumber = a.r ? Number(a.r) : rowNumber + 1;
        col = 0;
      } else if (name === "c") {
        const ref = a.r ? parseRef(a.r) : null;
        col = ref ? ref.col : col + 1;
        if (ref?.row) rowNumber = ref.row;
        cell = { col, type: a.t ?? "n", style: Number(a.s ?? 0), v: "", hasV: false, inline: false };
        inline.take();
      } else if (cell && name === "v") {
        inV = true;
        cell.hasV = true;
      } else if (cell && name === "is") {
        cell.inline = true;
      } else if (cell?.inline) {
        inline.open(name);
      }
    },
    close: (name) => {
      if (name === "sheetData") inSheetData = false;
      if (!cell) return;
      if (name === "v") inV = false;
      else if (name === "c") {
        const c = cell;
        cell = null;
        const v = c.v;
        if (c.inline || c.type === "inlineStr") {
          put(rowNumber, c.col, { t: "text", text: c.inline ? inline.take() : v });
        } else if (!c.hasV) {
          return;
        } else if (c.type === "s") {
          const s = shared[Number(v)];
          if (s !== undefined) put(rowNumber, c.col, { t: "text", text: s });
        } else if (c.type === "str") {
          put(rowNumber, c.col, { t: "text", text: v });
        } else if (c.type === "b") {
          put(rowNumber, c.col, { t: "bool", value: v.trim() === "1" || v.trim().toLowerCase() === "true" });
        } else if (c.type === "e") {
          put(rowNumber, c.col, { t: "error", text: v });
        } else if (c.type === "d") {
          put(rowNumber, c.col, { t: "date", iso: v.trim() });
        } else if (v.trim() !== "") {
          const value = Number(v);
          if (Number.isFinite(value)) put(rowNumber, c.col, { t: "number", value, date: dateStyles[c.style] ?? false });
          else put(rowNumber, c.col, { t: "text", text: v });
        }
      } else if (cell.inline) {
        inline.close(name);
      }
    },
    text: (s) => {
      if (!cell) return;
      if (inV) cell.v += s;
      else if (cell.inline) inline.text(s);
    },
  });
  return rows;
}

/**
 * Opens an .xlsx held in memory: the workbook part found through the package's relationships (not
 * by a fixed name), its sheets in order, shared strings and date styles read once. Each sheet's
 * XML is parsed when `read()` is called. Throws XlsxReadError when the structure cannot be read.
 */
export function openXlsx(bytes: Uint8Array, limits: TXlsxLimits): TXlsxBook {
  const zip = openZip(bytes);
  if (!zip) throw new XlsxReadError("not a zip archive");
  try {
    const root = relsOf(zip, "", limits).find((r) => isType(r, "officeDocument"));
    const workbookPath = root?.target ?? "xl/workbook.xml";
    const workbookBytes = zip.read(workbookPath, limits.maxEntryBytes);
    if (!workbookBytes) throw new XlsxReadError("no workbook part");
    const declared: { name: string; rid: string; hidden: boolean }[] = [];
    let date1904 = false;
    parseXml(decode(workbookBytes), {
      open: (name, a) => {
        if (name === "sheet") declared.push({ name: a.name ?? "", rid: a.id ?? "", hidden: a.state === "hidden" || a.state === "veryHidden" });
        else if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      },
    });
    const rels = relsOf(zip, workbookPath, limits);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const part = (kind: string, fallback: string) => rels.find((r) => isType(r, kind))?.target ?? fallback;
    let shared: string[] | null = null;
    let dateStyles: boolean[] | null = null;
    const sharedStrings = () => (shared ??= ((b) => (b ? readSharedStrings(decode(b)) : []))(zip.read(part("sharedStrings", "xl/sharedStrings.xml"), limits.maxEntryBytes)));
    const styles = () => (dateStyles ??= ((b) => (b ? readDateStyles(decode(b)) : []))(zip.read(part("styles", "xl/styles.xml"), limits.maxEntryBytes)));
    const sheets: TXlsxSheet[] = [];
    for (const s of declared) {
      const rel = byId.get(s.rid);
      // Chart sheets, dialog and macro sheets hold no cells to import.
      if (!rel || !isType(rel, "worksheet")) continue;
      const path = rel.target;
      sheets.push({
        name: s.name,
        hidden: s.hidden,
        read: () => {
          const xml = zip.read(path, limits.maxEntryBytes);
          if (!xml) throw new XlsxReadError(`missing sheet part ${path}`);
          return readSheet(decode(xml), sharedStrings(), styles(), limits);
        },
      });
    }
    return { date1904, sheets };
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw new XlsxReadError(error instanceof Error ? error.message : String(error));
  }
}

const DAY_MS = 86_400_000;
/** Serial day 0 of the 1900 date system (Excel counts a 29 February 1900 that never was, so day 60 is skipped). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A serial day (a date cell's number; a time of day is its fraction) as a UTC midnight, or null when out of range. */
export function serialToDate(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  // Half a second of slack: 45352.99999999 written for midnight still falls on its day.
  const days = Math.floor(serial + 0.5 / 86_400);
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS);
}
