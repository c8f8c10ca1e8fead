import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { calendarYear, calendarYears } from "@/server/work-calendar/calendar";
import { calendarYearOf } from "@/domain/work-calendar/schemas";
import { todayInCity } from "@/domain/common/calendar-day";
import { Notice, PageHeader } from "@/components/ui/card";
import { SectionCard } from "@/components/ui/section-card";
import { TabNav } from "@/components/ui/tab-nav";
import { CalendarDayForm } from "@/features/work-calendar/components/calendar-day-form";
import { CalendarTable } from "@/features/work-calendar/components/calendar-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workCalendar");
  return { title: t("title") };
}

const NOTICES = ["added", "updated", "removed"] as const;

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string | string[]; notice?: string | string[] }> }) {
  await requirePermission("calendar.manage");
  const sp = await searchParams;
  const thisYear = todayInCity().getUTCFullYear();
  const year = calendarYearOf(sp.year, thisYear);
  const notice = NOTICES.find((n) => n === sp.notice);
  const [t, rows, stored] = await Promise.all([getTranslations("workCalendar"), calendarYear(year), calendarYears()]);
  // The years with days, this year and the next, and the one asked for.
  const years = [...new Set([...stored, thisYear, thisYear + 1, year])].sort((a, b) => a - b);
  const provisional = rows.filter((r) => r.provisional).length;
  const holidays = rows.filter((r) => r.kind === "HOLIDAY").length;
  return (
    <div className="space-y-6">
      <div>
        <PageHeader title={t("title")} description={t("description")} />
        <TabNav label={t("years")} tabs={years.map((y) => ({ key: String(y), href: `/calendar?year=${y}`, label: t("year", { year: y }), current: y === year }))} />
      </div>
      {notice ? <Notice tone="success">{t(`notices.${notice}`)}</Notice> : null}
      {provisional > 0 ? (
        <div data-testid="calendar-provisional">
          <Notice tone="info">{t("provisionalNotice", { year, count: provisional })}</Notice>
        </div>
      ) : null}
      <SectionCard id="add-day" title={t("addTitle")}>
        <CalendarDayForm />
      </SectionCard>
      <SectionCard id="days" title={t("year", { year })} actions={<span className="text-sm text-slate-600" data-testid="calendar-summary">{t("summary", { holidays, workdays: rows.length - holidays })}</span>}>
        <CalendarTable year={year} rows={rows} />
      </SectionCard>
    </div>
  );
}
