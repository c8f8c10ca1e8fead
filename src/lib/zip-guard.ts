// An .xlsx file is a ZIP archive. Before a spreadsheet library inflates it in memory, read the
// archive's central directory (no decompression) and refuse what is not a ZIP, or what would
// inflate to far more than any staff list needs (a "zip bomb"). Pure: bytes in, facts out.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export type TZipFacts = { entries: number; uncompressed: number; names: string[] };

/** The archive's entries and total uncompressed size, or null when it is not a readable ZIP (ZIP64 included: refused). */
export function zipFacts(bytes: Uint8Array): TZipFacts | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== LOCAL) return null;
  // The end-of-central-directory record sits in the last 22 + up to 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff || offset + size > bytes.length) return null;
  let p = offset;
  let uncompressed = 0;
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return null;
    const entrySize = view.getUint32(p + 24, true);
    if (entrySize === 0xffffffff) return null;
    uncompressed += entrySize;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries: count, uncompressed, names };
}

/** An Office Open XML spreadsheet: a ZIP holding [Content_Types].xml and a workbook part. */
export function looksLikeXlsx(facts: TZipFacts | null): boolean {
  return !!facts && facts.names.includes("[Content_Types].xml") && facts.names.some((n) => n === "xl/workbook.xml");
}
