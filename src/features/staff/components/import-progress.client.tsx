"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

export type TProgress = {
  status: string;
  percent: number;
  totalRows: number;
  processedRows: number;
  pendingRows: number;
  errorRows: number;
  created: number;
  updated: number;
  unchanged: number;
};

const FINAL = new Set(["DONE", "FAILED", "CANCELLED"]);

/**
 * A live progress bar: polls the job's figures about once a second, then lets the page show the
 * summary. Another import on the same machinery (attendance) gives its own `progressUrl` and says
 * its outcomes as marks (`counts`).
 */
export function ImportProgress({ jobId, initial, progressUrl, counts = "people" }: { jobId: string; initial: TProgress; progressUrl?: string; counts?: "people" | "marks" }) {
  const t = useTranslations("staff.import.progress");
  const router = useRouter();
  const [p, setP] = useState(initial);
  const [lost, setLost] = useState(false);

  useEffect(() => {
    if (FINAL.has(p.status)) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(progressUrl ?? `/api/staff-import/${encodeURIComponent(jobId)}/progress`, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const next = (await res.json()) as TProgress;
        if (stopped) return;
        setLost(false);
        setP(next);
        if (FINAL.has(next.status)) router.refresh();
      } catch {
        if (!stopped) setLost(true);
        // Poll again: the same state object would not re-run the effect.
        if (!stopped) setP((x) => ({ ...x }));
      }
    }, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [p, jobId, router, progressUrl]);

  const done = p.processedRows;
  const all = p.processedRows + p.pendingRows;
  return (
    <div className="space-y-3" data-testid="import-progress">
      <div
        role="progressbar"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p.percent}
        aria-valuetext={t("valueText", { percent: p.percent, done, all })}
        className="h-4 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-700 transition-[width] duration-500" style={{ width: `${p.percent}%` }} />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {t("status", { percent: p.percent, done, all })}
      </p>
      <p className="text-xs text-slate-500">{counts === "marks" ? t("marks", { created: p.created, updated: p.updated, unchanged: p.unchanged }) : t("counts", { created: p.created, updated: p.updated, unchanged: p.unchanged })}</p>
      {lost ? <p className="text-xs text-amber-800">{t("reconnecting")}</p> : null}
    </div>
  );
}
