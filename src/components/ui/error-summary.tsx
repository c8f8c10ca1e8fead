"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState, type MouseEvent } from "react";
import { useTranslations } from "next-intl";

// The one error summary of every form (issue 11): after a refused submit it stands at the top of
// the form, says "there is a problem", lists each field's message as a link to the field, and takes
// the focus, so a screen reader reads it and a long form does not leave the user at its bottom.
// Fields are found in the form by name (form.elements), their labels read from the page: a form
// passes only its errors and its messages, and `ids` for fields it cannot be found by name.

type TProps = {
  /**
   * The field errors of the last refused submit, keyed by field name ("awards.0.name" for a row's
   * field). Checks a form makes as a field is left stay under that field: the summary changes
   * only with a submit, so its links never move under the pointer.
   */
  errors: Readonly<Record<string, unknown>>;
  /** A field's message in the user's language: the form's own, as shown under the field. */
  message: (field: string) => string | undefined;
  /** A value that changes with every refused submit (the action's state): the summary then takes the focus. */
  submitted: unknown;
  /** Element ids of fields the form cannot find by their name (rows of a list, ids of their own). */
  ids?: Readonly<Record<string, string>>;
};

type TTarget = { id: string | null; label: string | null; order: HTMLElement | null };

/** A label's or legend's text without what assistive technology skips (the required asterisk). */
function textOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  const text = (copy.textContent ?? "").replace(/\s+/g, " ").replace(/\s*\*$/, "").trim();
  return text || null;
}

const isControl = (el: Element): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

/** The field's element to link to and its label; a group of boxes is named by its legend, a row's field by its row first. */
function targetOf(form: HTMLFormElement | null, field: string, id: string | undefined): TTarget {
  let el: Element | null = id ? document.getElementById(id) : null;
  let group = false;
  if (!el && form) {
    const named = form.elements.namedItem(field);
    if (named instanceof RadioNodeList) {
      el = (named[0] as Element | undefined) ?? null;
      group = named.length > 1;
    } else el = named;
  }
  el ??= document.getElementById(field);
  // Radio buttons are one question, named by their group's legend, however many there are.
  if (el instanceof HTMLInputElement && el.type === "radio") group = true;
  if (!el || !(el instanceof HTMLElement) || (el instanceof HTMLInputElement && el.type === "hidden")) return { id: null, label: null, order: null };
  const fieldset = el.closest("fieldset");
  let label = group && fieldset ? textOf(fieldset.querySelector("legend")) : isControl(el) ? textOf(el.labels?.[0]) : null;
  label ??= el.getAttribute("aria-label") ?? (el instanceof HTMLFieldSetElement ? textOf(el.querySelector("legend")) : null);
  const row = el.parentElement?.closest("li[aria-label]")?.getAttribute("aria-label");
  if (label && row) label = `${row} · ${label}`;
  return { id: el.id || null, label, order: el };
}

/** Where a link leads: the field itself, or the first control of a group. */
function focusField(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  const control = isControl(el) ? el : el.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea");
  // The label (or the group's legend) above the field comes into view with it.
  const shown = (isControl(el) && el.type !== "checkbox" && el.type !== "radio" ? el.labels?.[0] : el.closest("fieldset")?.querySelector("legend")) ?? el;
  shown.scrollIntoView({ block: "start" });
  (control ?? el).focus({ preventScroll: true });
}

export function ErrorSummary({ errors, message, submitted, ids }: TProps) {
  const t = useTranslations("common.errorSummary");
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const fields = Object.keys(errors).filter((f) => errors[f]);
  const signature = fields.join("\n");
  const idSignature = JSON.stringify(ids ?? {});
  const [targets, setTargets] = useState<Record<string, TTarget>>({});

  // Labels and ids are read from the rendered form before the browser paints the summary: the
  // measuring pattern of useLayoutEffect (the page's labels are the source, not props).
  useLayoutEffect(() => {
    const form = ref.current?.closest("form") ?? null;
    const idOf = JSON.parse(idSignature) as Record<string, string>;
    const found: Record<string, TTarget> = {};
    for (const f of signature ? signature.split("\n") : []) found[f] = targetOf(form, f, idOf[f]);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read from the DOM once it is there, before paint
    setTargets(found);
  }, [signature, idSignature]);

  useEffect(() => {
    if (!ref.current) return;
    ref.current.scrollIntoView({ block: "start" });
    ref.current.focus({ preventScroll: true });
  }, [submitted]);

  if (fields.length === 0) return null;
  // In the order of the form; fields it does not show (none should remain) last.
  const ordered = [...fields].sort((a, b) => {
    const [x, y] = [targets[a]?.order, targets[b]?.order];
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      data-testid="error-summary"
      className="scroll-mt-20 rounded-md border-2 border-red-700 bg-white px-4 py-3 focus:outline-none focus:ring-4 focus:ring-red-200"
    >
      <h2 id={titleId} className="text-base font-semibold text-red-800">{t("title")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-800">
        {ordered.map((f) => {
          const target = targets[f];
          const text = message(f) ?? "";
          const line = target?.label ? t("item", { label: target.label, message: text }) : text;
          return (
            <li key={f}>
              {target?.id ? (
                <a href={`#${target.id}`} onClick={(e) => focusField(e, target.id!)} className="font-medium underline underline-offset-2 hover:text-red-900">
                  {line}
                </a>
              ) : (
                line
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
