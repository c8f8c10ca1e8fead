// What an uploaded file really is, from its bytes (not its name): so that a file the import cannot
// read is refused with what is wrong with it ("an old .xls", "password-protected") rather than
// "cannot read this file". Cheap: the first bytes, and a ZIP's central directory.
import { hasEncryptedEntry, zipFacts } from "./zip-guard";

export type TSpreadsheetKind =
  /** An Office Open XML workbook (Excel 2007 and later, WPS, LibreOffice, Numbers, libraries). */
  | "xlsx"
  /** The binary Excel 97–2003 format (.xls), or WPS's .et: an OLE2 compound file with a Workbook stream. */
  | "oldXls"
  /** An encrypted workbook (Excel, WPS and LibreOffice wrap a password-protected .xlsx in OLE2 with an EncryptedPackage), or a ZIP with encrypted entries. */
  | "passwordProtected"
  /** Plain text with separators: CSV or tab-separated. */
  | "csv"
  /** A web page or XML (some systems "export to Excel" as HTML, or as XML Spreadsheet 2003). */
  | "html"
  /** An OpenDocument spreadsheet (.ods). */
  | "ods"
  /** Excel's binary workbook (.xlsb). */
  | "xlsb"
  /** A ZIP that ends too early or is damaged: a download that did not finish, a mail attachment cut short. */
  | "damaged"
  /** Anything else: a Word document, a PDF, an image… */
  | "notSpreadsheet";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Whether `bytes` hold `text` encoded as UTF-16LE (how OLE2 directory entries name their streams). */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

function oleKind(bytes: Uint8Array): TSpreadsheetKind {
  if (hasUtf16(bytes, "EncryptedPackage")) return "passwordProtected";
  // Excel 97+ names its stream "Workbook", Excel 5/95 "Book".
  if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) return "oldXls";
  return "notSpreadsheet";
}

function zipKind(bytes: Uint8Array): TSpreadsheetKind {
  const facts = zipFacts(bytes);
  if (!facts) return "damaged";
  if (hasEncryptedEntry(bytes)) return "passwordProtected";
  const names = new Set(facts.names.map((n) => n.replace(/^\//, "").toLowerCase()));
  if (names.has("xl/workbook.bin")) return "xlsb";
  if (names.has("[content_types].xml") && [...names].some((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n) || n.endsWith("workbook.xml"))) return "xlsx";
  if (names.has("content.xml") && names.has("mimetype")) {
    const text = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
    if (text.includes("opendocument.spreadsheet")) return "ods";
  }
  return "notSpreadsheet";
}

/** Whether the start of the file is text (no control bytes but tab, CR, LF; UTF-8, GBK or UTF-16 with a BOM). */
function textStart(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le").decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be").decode(head);
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return null;
  return new TextDecoder("latin1").decode(head);
}

export function sniffSpreadsheet(bytes: Uint8Array): TSpreadsheetKind {
  if (startsWith(bytes, ZIP_LOCAL)) return zipKind(bytes);
  if (startsWith(bytes, ZIP_EMPTY)) return "damaged";
  if (startsWith(bytes, OLE2)) return oleKind(bytes);
  const text = textStart(bytes);
  if (text === null) return "notSpreadsheet";
  const trimmed = text.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "").trimStart().toLowerCase();
  if (trimmed.startsWith("<") || trimmed.includes("<html") || trimmed.includes("<table")) return "html";
  if (trimmed.startsWith("%pdf") || trimmed.startsWith("{\\rtf")) return "notSpreadsheet";
  // One line holding a separator is enough to say "this is a CSV": a spreadsheet program saved it as text.
  const firstLine = trimmed.split(/\r?\n/)[0] ?? "";
  return /[,;\t，]/.test(firstLine) || trimmed.includes("\n") ? "csv" : "notSpreadsheet";
}
