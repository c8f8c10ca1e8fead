import "server-only";
import { MAX_UPLOAD_BYTES, parseCertificateNumbers } from "@/domain/public-register/rules";

export type TInputProblem = "fileTooLarge" | "fileUnreadable";

/**
 * Decodes an uploaded CSV or text file: UTF-8 (with or without BOM), else GB 18030, the
 * encoding Excel on a Chinese Windows saves "CSV" in. Binary files (xlsx, images) are refused.
 */
export async function readUploadedText(file: File): Promise<{ ok: true; text: string } | { ok: false; problem: TInputProblem }> {
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, problem: "fileTooLarge" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) return { ok: false, problem: "fileUnreadable" };
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
    } catch {
      // try the next encoding
    }
  }
  return { ok: false, problem: "fileUnreadable" };
}

/** Certificate numbers from a form: the pasted text plus an optional uploaded file, de-duplicated. */
export async function numbersFromForm(formData: FormData): Promise<{ ok: true; numbers: string[]; text: string } | { ok: false; problem: TInputProblem; text: string }> {
  const pasted = formData.get("numbers");
  const text = typeof pasted === "string" ? pasted.slice(0, MAX_UPLOAD_BYTES) : "";
  const file = formData.get("file");
  let fileText = "";
  if (file && typeof file !== "string" && file.size > 0) {
    const read = await readUploadedText(file);
    if (!read.ok) return { ok: false, problem: read.problem, text };
    fileText = read.text;
  }
  const numbers = [...new Set([...parseCertificateNumbers(text), ...parseCertificateNumbers(fileText)])];
  return { ok: true, numbers, text };
}
