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
  /**
   * The row's buttons: kept in view at the right edge when the table scrolls sideways, and on
   * phones drawn across the foot of the row's card, without a label.
   */
  actions?: boolean;
};

export type TDataRow = {
  key: string;
  cells: ReactNode[];
  testId?: string;
  /** data-* attributes of the row, without the prefix: { "credential-id": id }. */
  data?: Record<string, string>;
};

const isEmpty = (cell: ReactNode) => cell === null || cell === undefined || cell === false || cell === "";

// Below sm each row is a card: its first cell is the card's title, every other cell a line
// "column name  value", the actions a row of buttons at the foot. The column name is drawn from
// the cell's data-label with an empty alternative text (content: … / ""), so screen readers,
// which read the table with its headers, do not hear it twice, and the cell's text is unchanged.
const CARD_ROW = "max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:px-4 max-sm:py-3 max-sm:shadow-sm";
const CARD_TITLE = "max-sm:block max-sm:px-0 max-sm:pb-1.5 max-sm:pt-0 max-sm:whitespace-normal";
// A cell's "column name  value" line is drawn by one class (.dt-field in src/app/globals.css, under
// the table's .dt-cards): the twenty-odd max-sm: utilities it replaces were about half a kilobyte on
// every cell, twice (HTML and the page's data), which made a dashboard of long tables a megabyte.
const CARD_FIELD = "dt-field";
const CARD_ACTIONS = "max-sm:block max-sm:border-t max-sm:border-slate-100 max-sm:px-0 max-sm:pb-0 max-sm:pt-3 max-sm:whitespace-normal";
// Wider screens: the actions column stays at the right edge while the rest scrolls under it.
const STICKY = "sm:sticky sm:right-0 sm:whitespace-nowrap sm:bg-white sm:shadow-[-8px_0_8px_-8px_rgb(15_23_42/0.18)]";

function RowHead({ children, className, role }: { children: ReactNode; className?: string; role?: string }) {
  return (
    <th scope="row" role={role} className={cn("px-3 py-2.5 text-left align-top text-sm font-medium text-slate-800", className)}>
      {children}
    </th>
  );
}

function Cells({ row, columns, rowHeaders, cards, hover }: { row: ReactNode[]; columns: TDataColumn[]; rowHeaders?: boolean; cards: boolean; hover?: boolean }) {
  return row.map((cell, i) => {
    const column = columns[i];
    if (rowHeaders && i === 0) return <RowHead key={i} role={cards ? "rowheader" : undefined} className={cards ? CARD_TITLE : undefined}>{cell}</RowHead>;
    const className = cn(column?.numeric && "text-right tabular-nums", column?.className, column?.actions && cn(STICKY, hover && "sm:group-hover:bg-slate-50"));
    if (!cards) return <Td key={i} className={className}>{cell}</Td>;
    if (i === 0) return <Td key={i} role="cell" className={cn(className, CARD_TITLE)}>{cell}</Td>;
    if (column?.actions)
      return (
        <Td key={i} role="cell" className={cn(className, CARD_ACTIONS, isEmpty(cell) && "max-sm:hidden")}>
          {cell}
        </Td>
      );
    return (
      <Td key={i} role="cell" data-label={column && !column.srOnly && typeof column.label === "string" ? column.label : undefined} className={cn(className, CARD_FIELD)}>
        {/* On a card the value's column is narrow: what is inside wraps (long names, ids) and any
            min-width meant for the wide table is dropped, so nothing spills past the card. */}
        <div className="min-w-0 wrap-break-word max-sm:*:min-w-0">{cell}</div>
      </Td>
    );
  });
}

/**
 * A table of rows with a caption for screen readers, or `empty` when there are no rows (an
 * EmptyState for lists, a sentence inside a card for histories). With `rowHeaders` the first
 * cell of each row is its header; `total` adds a footer row in the same columns.
 * Below sm (640 px) every row becomes a card (`layout="scroll"` keeps a table that scrolls
 * sideways instead, for a grid of figures that only reads as a grid).
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
  layout = "cards",
}: {
  caption: string;
  columns: TDataColumn[];
  rows: TDataRow[];
  empty?: ReactNode;
  rowHeaders?: boolean;
  total?: ReactNode[];
  hover?: boolean;
  testId?: string;
  layout?: "cards" | "scroll";
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const cards = layout === "cards";
  const role = (r: string) => (cards ? r : undefined);
  const table = (
    <Table caption={caption} cards={cards}>
      <thead role={role("rowgroup")} className={cn(cards && "max-sm:sr-only")}>
        <tr role={role("row")}>
          {columns.map((c, i) => (
            <Th key={i} role={role("columnheader")} className={cn(c.numeric && "text-right", c.actions && "sm:sticky sm:right-0")} title={c.hint}>
              {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody role={role("rowgroup")} className={cn("divide-y divide-slate-100", cards && "max-sm:block max-sm:space-y-3 max-sm:divide-y-0")}>
        {rows.map((r) => (
          <tr
            key={r.key}
            role={role("row")}
            className={cn(hover && "group hover:bg-slate-50", cards && CARD_ROW)}
            data-testid={r.testId}
            {...Object.fromEntries(Object.entries(r.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}
          >
            <Cells row={r.cells} columns={columns} rowHeaders={rowHeaders} cards={cards} hover={hover} />
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot role={role("rowgroup")} className={cn("border-t-2 border-slate-200 font-semibold", cards && "max-sm:mt-3 max-sm:block")}>
          <tr role={role("row")} className={cn(cards && CARD_ROW)}>
            <Cells row={total} columns={columns} rowHeaders={rowHeaders} cards={cards} />
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
