import type { ReactNode } from "react";
import { cn } from "./cn";
import { Table, Td, Th } from "./table";

export type TDataColumn = {
  label: ReactNode;
  /** Figures: right-aligned, tabular digits. */
  numeric?: boolean;
  /** Classes of this column's cells (not its header). */
  className?: string;
  /** A header only screen readers hear (an actions column). */
  srOnly?: boolean;
  /** A tooltip on the header that explains the column. */
  hint?: string;
};

export type TDataRow = {
  key: string;
  cells: ReactNode[];
  testId?: string;
  /** data-* attributes of the row, without the prefix: { "credential-id": id }. */
  data?: Record<string, string>;
};

function RowHead({ children }: { children: ReactNode }) {
  return <th scope="row" className="px-4 py-2.5 text-left align-top text-sm font-medium text-slate-800">{children}</th>;
}

function Cells({ row, columns, rowHeaders }: { row: ReactNode[]; columns: TDataColumn[]; rowHeaders?: boolean }) {
  return row.map((cell, i) =>
    rowHeaders && i === 0 ? (
      <RowHead key={i}>{cell}</RowHead>
    ) : (
      <Td key={i} className={cn(columns[i]?.numeric && "text-right tabular-nums", columns[i]?.className)}>
        {cell}
      </Td>
    ),
  );
}

/**
 * A table of rows with a caption for screen readers, or `empty` when there are no rows (an
 * EmptyState for lists, a sentence inside a card for histories). With `rowHeaders` the first
 * cell of each row is its header; `total` adds a footer row in the same columns.
 */
export function DataTable({
  caption,
  columns,
  rows,
  empty,
  rowHeaders,
  total,
  hover,
  testId,
}: {
  caption: string;
  columns: TDataColumn[];
  rows: TDataRow[];
  empty?: ReactNode;
  rowHeaders?: boolean;
  total?: ReactNode[];
  hover?: boolean;
  testId?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const table = (
    <Table caption={caption}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <Th key={i} className={c.numeric ? "text-right" : undefined} title={c.hint}>
              {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.key} className={hover ? "hover:bg-slate-50" : undefined} data-testid={r.testId} {...Object.fromEntries(Object.entries(r.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}>
            <Cells row={r.cells} columns={columns} rowHeaders={rowHeaders} />
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot className="border-t-2 border-slate-200 font-semibold">
          <tr>
            <Cells row={total} columns={columns} rowHeaders={rowHeaders} />
          </tr>
        </tfoot>
      ) : null}
    </Table>
  );
  return testId ? <div data-testid={testId}>{table}</div> : table;
}

/** A record's history inside its card: dated rows, or one sentence when there are none. */
export function HistoryTable({ caption, columns, rows, none }: { caption: string; columns: TDataColumn[]; rows: TDataRow[]; none: string }) {
  return <DataTable caption={caption} columns={columns} rows={rows} empty={<p className="text-sm text-slate-600">{none}</p>} />;
}

/** The figures behind a chart, as a table folded under it: charts are never the only way to read them. */
export function ChartDataTable({ caption, summary, head, rows }: { caption: string; summary: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-brand-700 hover:underline">{summary}</summary>
      <div className="mt-2">
        <DataTable caption={caption} columns={head.map((label, i) => ({ label, numeric: i > 0 }))} rows={rows.map((r) => ({ key: String(r[0]), cells: r }))} />
      </div>
    </details>
  );
}
