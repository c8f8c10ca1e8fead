import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TCalendarRow } from "@/server/work-calendar/calendar";
import { removeCalendarDayAction } from "@/features/work-calendar/actions";
import { dayFormatter } from "@/domain/common/day-format";
import { DataTable } from "@/components/ui/data-table";
import { Badge, EmptyState } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CalendarDayForm } from "./calendar-day-form";

/** A year's holidays and make-up working days: each with its weekday, kind and name, to edit or remove. */
export async function CalendarTable({ year, rows }: { year: number; rows: TCalendarRow[] }) {
  const [t, locale, format] = await Promise.all([getTranslations("workCalendar"), getLocale(), getFormatter()]);
  const day = dayFormatter(format);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  return (
    <DataTable
      caption={t("year", { year })}
      testId="calendar-days"
      rowHeaders
      empty={<EmptyState title={t("none", { year })} />}
      columns={[{ label: t("columns.day") }, { label: t("columns.weekday") }, { label: t("columns.kind") }, { label: t("columns.name") }, { label: t("columns.actions"), srOnly: true }]}
      rows={rows.map((r) => ({
        key: r.day,
        testId: "calendar-day",
        data: { day: r.day, kind: r.kind },
        cells: [
          <span key="d" className="whitespace-nowrap">{day(r.day)}</span>,
          weekday.format(new Date(`${r.day}T00:00:00Z`)),
          <span key="k" className="flex flex-wrap gap-1">
            <Badge tone={r.kind === "HOLIDAY" ? "red" : "blue"}>{t(`kinds.${r.kind}`)}</Badge>
            {r.provisional ? <Badge tone="amber">{t("provisionalBadge")}</Badge> : null}
          </span>,
          r.name,
          <div key="a" className="flex flex-wrap items-start gap-2">
            <details className="group">
              <summary className="inline-flex h-10 cursor-pointer list-none items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-brand-300">
                {t("edit")}
                <span className="sr-only"> {day(r.day)}</span>
              </summary>
              <div className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3 sm:w-[32rem]">
                <p className="mb-2 text-sm font-medium text-slate-800">{t("editLabel", { day: day(r.day) })}</p>
                <CalendarDayForm day={r.day} kind={r.kind} name={r.name} />
              </div>
            </details>
            <ConfirmAction
              action={removeCalendarDayAction}
              extraNamespaces={["workCalendar"]}
              fields={{ day: r.day }}
              label={t("remove")}
              title={t("removeTitle", { day: day(r.day) })}
              body={t("removeBody", { day: day(r.day), name: r.name })}
              confirmLabel={t("remove")}
            />
          </div>,
        ],
      }))}
    />
  );
}
