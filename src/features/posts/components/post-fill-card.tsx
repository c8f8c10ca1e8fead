import { getFormatter, getTranslations } from "next-intl/server";
import type { TPostDetail } from "@/server/posts/queries";
import { fillRate } from "@/domain/posts/post-maths";
import { dayFormatter } from "@/domain/common/day-format";
import { percentFormatter } from "@/lib/number-format";
import { Card } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { ComplianceBadge } from "./compliance-badge";
import { FillBar } from "./fill-bar";

/** Today's fill of an open post: required, filled, qualified, their rates, and compliance for a ratio post. */
export async function PostFillCard({ post, fill }: { post: TPostDetail; fill: NonNullable<TPostDetail["fill"]> }) {
  const [t, format] = await Promise.all([getTranslations("posts"), getFormatter()]);
  const pct = percentFormatter(format);
  const rate = fillRate(fill.filled, fill.required);
  const qRate = fillRate(fill.qualifiedFilled, fill.required);
  return (
    <Card title={t("detail.fill")}>
      <DescriptionList className="gap-4 sm:grid-cols-3 lg:grid-cols-6" testId="post-fill">
        <DescriptionItem label={t("columns.required")}><span className="text-lg font-semibold">{fill.required}</span></DescriptionItem>
        <DescriptionItem label={t("columns.filled")}><span className="text-lg font-semibold">{fill.filled}</span></DescriptionItem>
        <DescriptionItem label={t("columns.qualifiedFilled")}><span className="text-lg font-semibold">{fill.qualifiedFilled}</span></DescriptionItem>
        <DescriptionItem label={t("columns.fillRate")}><span data-testid="fill-rate"><FillBar rate={rate} label={pct(rate)} /></span></DescriptionItem>
        <DescriptionItem label={t("columns.qualifiedFillRate")}><span data-testid="qualified-fill-rate"><FillBar rate={qRate} label={pct(qRate)} /></span></DescriptionItem>
        <DescriptionItem label={t("columns.compliance")}>
          {post.kind === "RATIO" ? <ComplianceBadge fill={fill} /> : <span className="text-slate-500">{t("compliance.notApplicable")}</span>}
        </DescriptionItem>
      </DescriptionList>
      <p className="mt-4 text-xs text-slate-500">{t("detail.fillNote", { date: dayFormatter(format)(post.today) })}</p>
    </Card>
  );
}
