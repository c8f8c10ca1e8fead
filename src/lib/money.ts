// Money is kept in integer fen (1 yuan = 100 fen) as bigint: a city's budget lines can pass the
// 21 million yuan a 32-bit integer of fen holds. Shown in yuan with two decimals; typed in yuan.

/** "¥1,234.50" in the reader's locale (exact for any size: Intl formats the decimal string). */
export function formatFen(fen: bigint | number, locale: string): string {
  const n = typeof fen === "bigint" ? fen : BigInt(Math.trunc(fen));
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const decimal = `${neg ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  // Intl.NumberFormat takes a decimal string exactly (ES2023); its typings still say number.
  return new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol" }).format(decimal as unknown as number);
}

/** The largest amount anyone may type: 100 billion yuan, far beyond any fund, short of nonsense. */
export const MAX_YUAN_DIGITS = 11;

/**
 * Yuan as typed ("1,234.5", "¥ 1 234.50", "１２３４元", full-width digits) → fen, or null when it is
 * not an amount: at most two decimals, no sign, at most MAX_YUAN_DIGITS whole digits.
 */
export function parseYuan(input: string): bigint | null {
  const s = input
    .normalize("NFKC")
    .replace(/[\s,¥￥元]|CNY|RMB/gi, "")
    .replace(/^\+/, "");
  const m = new RegExp(`^(\\d{1,${MAX_YUAN_DIGITS}})(?:\\.(\\d{1,2}))?$`).exec(s);
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? "").padEnd(2, "0") || "0");
}

/** Fen as the yuan a form field shows again ("1234.50"), without grouping or symbol. */
export function fenToYuanInput(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}
