// An .xlsx file is a ZIP archive. Before a spreadsheet library inflates it in memory, refuse what
// is not a ZIP, or what inflates to far more than any staff list needs (a "zip bomb").
// `zipFacts` reads only the central directory (what the archive *declares*: a cheap first look);
// `inflateGuard` really inflates every entry, streaming, counting the bytes produced and stopping
// at a hard cap, so an archive that lies about its sizes cannot get past it.
import { createInflateRaw, inflateRawSync } from "node:zlib";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export type TZipFacts = { entries: number; uncompressed: number; names: string[] };

/** One central-directory record: where the entry's data is and what the archive says about it. */
type TCentralEntry = { name: string; flags: number; method: number; compressedSize: number; declaredSize: number; localOffset: number };

/**
 * The central directory's records, or null when it is not a readable ZIP (ZIP64 included: refused).
 * It is read the way JSZip (exceljs's unzipper) reads it, so that the guard inflates exactly the
 * entries the reader will: the last end record in the file; records read while their signature
 * matches, whatever count the end record gives; and offsets shifted when the directory does not end
 * where the end record begins. Anything where those rules could pick other bytes than the plain
 * reading is refused: a ZIP64 marker in any field, a directory not ending right at the end record,
 * a count that differs from the records found.
 */
function centralDirectory(bytes: Uint8Array): TCentralEntry[] | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== LOCAL) return null;
  // The end-of-central-directory record sits in the last 22 + up to 65,535 (comment) bytes; the
  // last signature counts, even one too near the end to be a whole record.
  let eocd = -1;
  for (let i = bytes.length - 4; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0 || eocd + 22 > bytes.length) return null;
  const fields16 = [4, 6, 8, 10].map((at) => view.getUint16(eocd + at, true));
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (fields16.includes(0xffff) || size === 0xffffffff || offset === 0xffffffff || offset + size !== eocd) return null;
  let p = offset;
  const entries: TCentralEntry[] = [];
  const decoder = new TextDecoder();
  while (p + 46 <= eocd && view.getUint32(p, true) === CENTRAL) {
    const compressedSize = view.getUint32(p + 20, true);
    const declaredSize = view.getUint32(p + 24, true);
    const localOffset = view.getUint32(p + 42, true);
    if (declaredSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize,
      declaredSize,
      localOffset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (p !== eocd || entries.length !== count) return null;
  return entries;
}

/** The archive's entries and total *declared* uncompressed size, or null when it is not a readable ZIP (ZIP64 included: refused). */
export function zipFacts(bytes: Uint8Array): TZipFacts | null {
  const entries = centralDirectory(bytes);
  if (!entries) return null;
  return { entries: entries.length, uncompressed: entries.reduce((sum, e) => sum + e.declaredSize, 0), names: entries.map((e) => e.name) };
}

/** An Office Open XML spreadsheet: a ZIP holding [Content_Types].xml and a workbook part. */
export function looksLikeXlsx(facts: TZipFacts | null): boolean {
  return !!facts && facts.names.includes("[Content_Types].xml") && facts.names.some((n) => n === "xl/workbook.xml");
}

/** Reads the entries of a ZIP by name (case-insensitive, as part names in a package are). */
export type TZipReader = {
  names: string[];
  /** The entry inflated, or null when there is none by that name; throws past `maxBytes` or on bad data. */
  read: (name: string, maxBytes: number) => Uint8Array | null;
};

/** The archive's entries, each inflated when read; null when it is not a readable ZIP. Use after inflateGuard. */
export function openZip(bytes: Uint8Array): TZipReader | null {
  const entries = centralDirectory(bytes);
  if (!entries) return null;
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, "").toLowerCase(), e]));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    names: entries.map((e) => e.name),
    read(name, maxBytes) {
      const entry = byName.get(name.replace(/^\//, "").toLowerCase());
      if (!entry) return null;
      const at = entry.localOffset;
      if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new Error(`unreadable entry ${entry.name}`);
      const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      const data = bytes.subarray(start, start + entry.compressedSize);
      if (entry.flags & 1) throw new Error(`encrypted entry ${entry.name}`);
      if (entry.method === STORED) {
        if (data.length > maxBytes) throw new Error(`entry too large ${entry.name}`);
        return data;
      }
      if (entry.method !== DEFLATED) throw new Error(`unsupported method in ${entry.name}`);
      return data.length === 0 ? new Uint8Array(0) : inflateRawSync(data, { maxOutputLength: maxBytes });
    },
  };
}

/** Whether any entry of the archive is encrypted (a password-protected ZIP). */
export function hasEncryptedEntry(bytes: Uint8Array): boolean {
  return (centralDirectory(bytes) ?? []).some((e) => e.flags & 1);
}

// ─── Inflating for real ──────────────────────────────────────────────────────────────────────

export type TInflateLimits = {
  /** Entries the archive may hold: each costs an inflater (~80 µs and native buffers) even when empty. */
  maxEntries: number;
  /** Bytes any one entry may inflate to. */
  maxEntryBytes: number;
  /** Bytes all entries together may inflate to. */
  maxTotalBytes: number;
  /** Spreadsheet rows holding a value that any one entry's XML may contain. */
  maxRows: number;
};

export type TInflateProblem = "unreadable" | "tooLarge" | "tooManyRows";

export type TInflateResult = {
  /** Uncompressed bytes actually produced (a stored entry counts its bytes), whatever the archive declares. */
  inflatedBytes: number;
} & ({ ok: true } | { ok: false; problem: TInflateProblem; entry?: string });

/** Output chunk of the inflater: it stops at most one chunk past a cap. */
export const INFLATE_CHUNK_BYTES = 64 * 1024;

const STORED = 0;
const DEFLATED = 8;

/**
 * Inflates every entry of the ZIP as a spreadsheet reader would (the central directory gives each
 * entry's offset and compressed size, as for JSZip, which exceljs uses), ignoring the uncompressed
 * sizes the archive declares: the bytes are counted as zlib produces them, and inflating stops as
 * soon as one entry passes `maxEntryBytes`, all of them pass `maxTotalBytes`, or one entry's XML
 * holds more than `maxRows` rows with a value. Output is counted and dropped a chunk at a time,
 * never kept, so memory does not grow with what the archive would inflate to.
 */
export async function inflateGuard(bytes: Uint8Array, limits: TInflateLimits): Promise<TInflateResult> {
  const entries = centralDirectory(bytes);
  if (!entries) return { ok: false, problem: "unreadable", inflatedBytes: 0 };
  if (entries.length > limits.maxEntries) return { ok: false, problem: "tooLarge", inflatedBytes: 0 };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return { ok: false, problem: "unreadable", entry: entry.name, inflatedBytes: total };
    // The local header's name and extra field may differ in length from the central record's.
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    // Encrypted entries, and methods other than stored and deflated, are nothing a reader here opens.
    if (end > bytes.length || entry.flags & 1 || (entry.method !== STORED && entry.method !== DEFLATED)) {
      return { ok: false, problem: "unreadable", entry: entry.name, inflatedBytes: total };
    }
    const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    const rows = rowCounter();
    const state: { produced: number; refused: TInflateProblem | null } = { produced: 0, refused: null };
    const take = (chunk: Uint8Array): boolean => {
      state.produced += chunk.length;
      if (state.produced > budget) state.refused = "tooLarge";
      else if (rows.push(chunk) > limits.maxRows) state.refused = "tooManyRows";
      return state.refused === null;
    };
    const data = bytes.subarray(start, end);
    let readable = true;
    if (entry.method === STORED) {
      let i = 0;
      while (i < data.length && take(data.subarray(i, i + INFLATE_CHUNK_BYTES))) i += INFLATE_CHUNK_BYTES;
    } else if (data.length > 0) {
      readable = await inflateStreaming(data, take);
    }
    total += state.produced;
    if (state.refused) return { ok: false, problem: state.refused, entry: entry.name, inflatedBytes: total };
    if (!readable) return { ok: false, problem: "unreadable", entry: entry.name, inflatedBytes: total };
  }
  return { ok: true, inflatedBytes: total };
}

/**
 * Inflates raw deflate data in chunks, handing each to `take` until it returns false; then the
 * inflater is destroyed, so zlib does no further work (Node checks for a destroyed stream before
 * each next chunk). Resolves false when the data is not valid deflate.
 */
function inflateStreaming(data: Uint8Array, take: (chunk: Buffer) => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES });
    let settled = false;
    const settle = (readable: boolean) => {
      if (settled) return;
      settled = true;
      resolve(readable);
    };
    inflater.on("data", (chunk: Buffer) => {
      if (settled) return;
      if (!take(chunk)) {
        inflater.destroy();
        settle(true);
      }
    });
    inflater.on("end", () => settle(true));
    inflater.on("error", () => settle(false));
    inflater.end(data);
  });
}

const LT = 0x3c;
const SLASH = 0x2f;
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, SLASH, 0x3e]); // space, tab, LF, CR, "/", ">"
/** Longest tag name worth reading whole: "sheetData" with a namespace prefix. */
const MAX_NAME = 40;

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** Where the tag name starting at `from` ends (at most MAX_NAME bytes on), or -1 when the chunk ends first. */
function nameEnd(chunk: Uint8Array, from: number, atStart: boolean): number {
  for (let i = from; i < chunk.length; i++) {
    if (i - from >= MAX_NAME) return i;
    // A "/" right after "<" begins a closing tag's name; anywhere else it ends the name.
    if (NAME_END.has(chunk[i]!) && !(atStart && i === from && chunk[i] === SLASH)) return i;
  }
  return -1;
}

/**
 * Counts, in XML streamed in chunks cut anywhere, the worksheet rows holding a value: a `<row>`
 * with a `<v>` (value), `<is>` (inline string) or `<f>` (formula) in it, which is what exceljs counts
 * as a row with values (`actualRowCount`). Rows that are only formatting do not count, so a sheet
 * someone formatted far down is not refused for rows it does not fill.
 *
 * Why count here rather than use exceljs's streaming WorkbookReader: the bytes pass through this
 * guard anyway, counting costs a scan for "<" over chunks already in hand, and it refuses before any
 * reader allocates a row; the streaming reader would be a second full parse of every upload (with
 * its own part-order assumptions) only to learn a number. Every entry is scanned, not only the
 * parts named like worksheets, so the count does not depend on how a reader finds its sheets.
 * Namespace prefixes (`<x:row>`) count too; `</row>` or `</sheetData>` closes a row, so formulas in
 * a worksheet's extensions after its rows (`<xm:f>`) are not taken for a row.
 */
export function rowCounter() {
  let rows = 0;
  let rowOpen = false;
  let counted = false;
  /** The start of a tag name cut off by the end of the previous chunk ("" right after a "<"). */
  let pending: string | null = null;
  const tag = (raw: string) => {
    const closing = raw.charCodeAt(0) === SLASH;
    const name = raw.slice(raw.indexOf(":") + 1 || (closing ? 1 : 0));
    if (closing) {
      if (name === "row" || name === "sheetData") rowOpen = false;
    } else if (name === "row") {
      rowOpen = true;
      counted = false;
    } else if (rowOpen && !counted && (name === "v" || name === "is" || name === "f")) {
      counted = true;
      rows++;
    }
  };
  return {
    /** Feeds the next chunk; returns the rows holding a value counted so far. */
    push(chunk: Uint8Array): number {
      let i = 0;
      if (pending !== null) {
        const end = nameEnd(chunk, 0, pending === "");
        if (end < 0) {
          pending = (pending + latin1(chunk.subarray(0, MAX_NAME))).slice(0, MAX_NAME + 1);
          return rows;
        }
        tag(pending + latin1(chunk.subarray(0, end)));
        pending = null;
        i = end;
      }
      for (;;) {
        const lt = chunk.indexOf(LT, i);
        if (lt < 0) break;
        const end = nameEnd(chunk, lt + 1, true);
        if (end < 0) {
          pending = latin1(chunk.subarray(lt + 1));
          break;
        }
        tag(latin1(chunk.subarray(lt + 1, end)));
        i = end;
      }
      return rows;
    },
  };
}
