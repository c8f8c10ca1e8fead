import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can, scopeOf } from "@/domain/authz/matrix";
import { mySittings } from "@/server/exams/queries";
import { EXAM_LEVELS, EXAM_RESULTS, examYears } from "@/domain/exams/rules";
import { todayInCity } from "@/domain/common/calendar-day";
import { SittingForm } from "@/features/exams/components/sitting-form";
import { DeleteSittingButton } from "@/features/exams/components/delete-sitting-button";
import { Badge, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { SectionCard } from "@/components/ui/section-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exams.mine");
  return { title: t("title") };
}

/** A practitioner's own exam sittings: add one (year, level, result), see them, delete one they entered. */
export default async function MyExamsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("exams.read");
  // Officials read sittings on the list made for them.
  if (scopeOf(user.role, "exams.read") !== "self") redirect("/exams");
  const sittings = await mySittings(user);
  if (!sittings) notFound();
  const sp = await searchParams;
  const [t, tEnums] = await Promise.all([getTranslations("exams"), getTranslations("enums.qualificationLevel")]);
  const record = can(user, "exams.record");
  return (
    <div className="space-y-6">
      <PageHeader title={t("mine.title")} description={t("mine.description")} />
      {sp.recorded ? <Notice tone="success">{t("notices.recorded")}</Notice> : null}
      {sp.deleted ? <Notice tone="success">{t("notices.deleted")}</Notice> : null}
      {record ? (
        <SectionCard id="add" title={t("mine.formTitle")}>
          <SittingForm
            candidates={null}
            years={examYears(todayInCity().getUTCFullYear())}
            levels={EXAM_LEVELS.map((l) => ({ value: l, label: tEnums(l) }))}
            results={EXAM_RESULTS.map((r) => ({ value: r, label: t(`results.${r}`) }))}
          />
        </SectionCard>
      ) : null}
      <SectionCard id="sittings" title={t("mine.listTitle")}>
        <div className="space-y-3">
          <DataTable
            caption={t("mine.listTitle")}
            testId="my-sittings"
            empty={<EmptyState title={t("mine.empty")}>{t("mine.emptyHint")}</EmptyState>}
            columns={[{ label: t("columns.year"), numeric: true }, { label: t("columns.level") }, { label: t("columns.result") }, { label: t("columns.source") }, { label: t("columns.actions"), srOnly: true, actions: true }]}
            rows={sittings.map((s) => ({
              key: s.id,
              testId: "my-sitting",
              data: { year: String(s.year), level: s.level, result: s.result },
              cells: [
                s.year,
                tEnums(s.level),
                s.result === "PASSED" ? <Badge key="r" tone="green">{t("results.PASSED")}</Badge> : <Badge key="r">{t("results.FAILED")}</Badge>,
                t(`sources.${s.source}`),
                record && s.source === "SELF" ? <DeleteSittingButton key="x" sitting={{ id: s.id, name: user.name, year: s.year, level: tEnums(s.level) }} back="/me/exams" /> : <span key="x" className="text-xs text-slate-500">{t("mine.officialNote")}</span>,
              ],
            }))}
          />
          {sittings.some((s) => s.result === "PASSED") ? (
            <p className="text-sm text-slate-600">
              <Link href="/me" className="font-medium text-brand-700 underline hover:text-brand-800">{t("mine.certificateHint")}</Link>
            </p>
          ) : null}
        </div>
      </SectionCard>
    </div>
  );
}
