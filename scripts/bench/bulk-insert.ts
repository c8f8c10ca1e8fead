import type pg from "pg";

// The benchmark generators' bulk insert: rows gathered column by column, written with one
// INSERT … SELECT FROM unnest($1::type[], $2::type[], …) per 20,000 rows (multi-argument unnest zips
// the column arrays into rows; enums and enum arrays travel as text and are cast in the SELECT).

export type TCols = Record<string, (string | number | boolean | null)[]>;

/** Empty column buffers for `names`. */
export const cols = (names: string[]): TCols => Object.fromEntries(names.map((n) => [n, []]));

/** Appends one row (a column it lacks is null). */
export function push(t: TCols, row: Record<string, string | number | boolean | null>) {
  for (const k of Object.keys(t)) t[k]!.push(row[k] ?? null);
}

/** Writes the buffered rows into `table`; `types` gives each column's SQL type (default text; a quoted name is an enum). */
export async function insert(client: pg.Client, table: string, data: TCols, types: Record<string, string>) {
  const names = Object.keys(data);
  const total = data[names[0]!]!.length;
  const sqlType = (c: string) => {
    const t = types[c] ?? "text";
    return t.startsWith('"') ? "text" : t;
  };
  const select = names.map((c, i) => {
    const t = types[c] ?? "text";
    return t.startsWith('"') ? `c${i}::${t}` : `c${i}`;
  });
  const fromSql = names.map((c, i) => `$${i + 1}::${sqlType(c)}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names.map((c) => `"${c}"`).join(", ")}) SELECT ${select.join(", ")} FROM unnest(${fromSql}) AS t(${names.map((_, i) => `c${i}`).join(", ")})`;
  // In slices, so no single statement carries hundreds of thousands of array elements.
  for (let from = 0; from < total; from += 20_000) {
    await client.query(
      sql,
      names.map((c) => data[c]!.slice(from, from + 20_000)),
    );
  }
}
