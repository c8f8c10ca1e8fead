"use client";

// Category names on a chart's axis wrap onto more lines instead of running past the chart's edge
// (a clipped name in the growth dashboard's G1 breakdown; English names are longer still).

const FONT_SIZE = 12;
export const TICK_LINE_HEIGHT = 15;
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g;

/** An estimate of the drawn width: CJK characters are square, Latin ones about half as wide. */
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? FONT_SIZE : FONT_SIZE * 0.55), 0);

/** Splits a name into lines no wider than `max` px: between words in Latin text, between any two CJK characters. */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const token of label.match(TOKENS) ?? [label]) {
    if (line.trim() && textWidth((line + token).trimEnd()) > max) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [label];
}

/** The most lines any of `labels` needs in an axis `width` px wide. */
export function tickLines(labels: string[], width: number): number {
  return Math.max(1, ...labels.map((l) => wrapLabel(l, width - 12).length));
}

/** A tick for a category axis at the left, `width` px wide (the axis's own width). */
export function wrappedTick(width: number) {
  return function WrappedTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
    const lines = wrapLabel(String(payload?.value ?? ""), width - 12);
    const first = -((lines.length - 1) * TICK_LINE_HEIGHT) / 2;
    return (
      <text x={x} y={y} textAnchor="end" dominantBaseline="central" fontSize={FONT_SIZE} fill="#334155" data-testid="axis-label">
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={i === 0 ? first : TICK_LINE_HEIGHT}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}
