// Valid resident ID numbers (GB 11643: area code, birth date, order code whose last digit is odd
// for men, check character) for the demo seed, the benchmark generator and the tests.
import { randomInt } from "node:crypto";
import { idNumberCheckChar } from "@/lib/id-number";
import { isoDay } from "@/domain/common/calendar-day";

const withCheck = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

/** Deterministic: the same person always gets the same number (demo seed, benchmark generator). */
export function idNumberFor(area: string, birth: Date, seq: number, gender: "MALE" | "FEMALE"): string {
  const ymd = isoDay(birth).replaceAll("-", "");
  const s = seq % 500;
  const order = String(s * 2 + (gender === "MALE" ? 1 : 0)).padStart(3, "0").slice(-3);
  return withCheck(`${area}${ymd}${order}`);
}

let seq = 0;

/** A new number in this process for a given birth day and gender (sequential: readable in failures). */
export function validIdNumber(opts: { birth?: string; gender?: "MALE" | "FEMALE"; area?: string } = {}): string {
  const n = seq++;
  const digit = (n % 5) * 2 + (opts.gender === "FEMALE" ? 0 : 1);
  const area = opts.area ?? String(110101 + Math.floor(n / 100));
  return withCheck(`${area}${opts.birth ?? "19900115"}${String(n % 100).padStart(2, "0")}${digit}`);
}

const used = new Set<string>();

/**
 * A random number, never the same twice in this process; across processes (e2e workers) a
 * collision needs the same area, birth day and order code (about one in 10^10 per pair).
 */
export function randomIdNumber(gender?: "MALE" | "FEMALE"): string {
  for (;;) {
    const birth = new Date(Date.UTC(1960 + randomInt(40), randomInt(12), 1 + randomInt(28)));
    const ymd = isoDay(birth).replaceAll("-", "");
    let digit = randomInt(10);
    if (gender === "MALE" && digit % 2 === 0) digit = (digit + 1) % 10;
    if (gender === "FEMALE" && digit % 2 === 1) digit = (digit + 1) % 10;
    const id = withCheck(`${310101 + randomInt(800)}${ymd}${String(randomInt(100)).padStart(2, "0")}${digit}`);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** The same number with a wrong check character. */
export function withWrongCheckDigit(id: string): string {
  return `${id.slice(0, 17)}${id[17] === "0" ? "1" : "0"}`;
}
