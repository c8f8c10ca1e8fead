/** The part of next-intl's formatter (getFormatter / useFormatter) that numbers need. */
type TNumberFormatter = { number(value: number, options?: Intl.NumberFormatOptions): string };

/** A rate (0.42) as a whole percentage ("42%") in the reader's language; "—" where there is no rate. */
export function percentFormatter(format: TNumberFormatter) {
  return (rate: number | null): string => (rate === null ? "—" : format.number(rate, { style: "percent", maximumFractionDigits: 0 }));
}
