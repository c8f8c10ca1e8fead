"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";

type TProps = {
  /** The inline route of the file (served with Content-Disposition: inline, frame-able by the portal only). */
  src: string;
  /** The download route, offered in the viewer too. */
  downloadHref: string;
  /** The stored (sniffed) type: a PDF shows in a frame, an image as an image. */
  mimeType: string;
  /** What the file is, as the viewer's title and the image's text alternative ("Registration certificate · SA-2026-00012"). */
  title: string;
  testId?: string;
};

/**
 * "View" next to a scan's download: opens the scan in a modal dialog on the page (issue 11, item
 * 10). A native <dialog> opened with showModal(): focus moves into it and stays there, Esc closes
 * it, and focus goes back to the button. The file is requested (and the view audited) only when
 * the dialog opens; the browser may reuse an image it already holds when it opens again on the page.
 */
export function ScanViewer({ src, downloadHref, mimeType, title, testId = "scan-viewer" }: TProps) {
  const t = useTranslations("scanViewer");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const id = `scan-viewer-${useId().replace(/:/g, "")}`;
  const pdf = mimeType === "application/pdf";

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) {
      dialog.current.showModal();
      // The close button, not the first link: Enter or Space on it closes again.
      closer.current?.focus();
    }
  }, [open]);

  return (
    <>
      <button ref={opener} type="button" className={buttonClass("secondary", "sm")} onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid={`${testId}-open`}>
        {t("view")}
        <span className="sr-only">: {title}</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
        className="m-auto h-[min(90vh,60rem)] w-[min(96vw,64rem)] max-w-none overflow-hidden rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/60"
        data-testid={testId}
      >
        {open ? (
          <div className="flex h-full flex-col">
            <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
              <h2 id={`${id}-title`} className="min-w-0 break-words text-base font-semibold text-slate-900">
                {title}
              </h2>
              <div className="flex shrink-0 gap-2">
                <a href={downloadHref} className={buttonClass("secondary", "sm")}>
                  {t("download")}
                </a>
                <button ref={closer} type="button" className={buttonClass("primary", "sm")} onClick={() => dialog.current?.close()}>
                  {t("close")}
                </button>
              </div>
            </div>
            <div className="min-h-0 flex-1 bg-slate-100">
              {pdf ? (
                <iframe src={src} title={title} className="h-full w-full border-0 bg-white" data-testid={`${testId}-frame`} />
              ) : (
                <div className="flex h-full items-center justify-center overflow-auto p-4">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an authorised, uncached scan: not for next/image's optimiser */}
                  <img src={src} alt={title} className="max-h-full max-w-full bg-white object-contain shadow" data-testid={`${testId}-image`} />
                </div>
              )}
            </div>
            {pdf ? <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600">{t("pdfHint")}</p> : null}
          </div>
        ) : null}
      </dialog>
    </>
  );
}
