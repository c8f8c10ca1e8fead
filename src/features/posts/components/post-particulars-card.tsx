import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TPostDetail } from "@/server/posts/queries";
import { localName } from "@/i18n/local-name";
import { Card } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { momentFormatter } from "@/domain/common/day-format";
import { PRACTICE_FIELD_CODES } from "@/domain/practitioners/enums";
import { PlanCode } from "@/components/ui/plan-code";

/** What the post is: kind, organisation, field, headcount or ratio, required qualification. */
export async function PostParticularsCard({ post }: { post: TPostDetail }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  return (
    <Card title={t("posts.detail.particulars")}>
      <DescriptionList>
        <DescriptionItem label={t("posts.fields.kind")}>{t(`enums.postKind.${post.kind}`)}</DescriptionItem>
        <DescriptionItem label={t("posts.fields.organization")}>
          {localName(post.organization, locale)}
          <span className="block text-xs text-slate-500">
            {t(`orgKinds.${post.organization.kind}`)}
            {post.organization.adminLevel ? ` · ${t(`adminLevels.${post.organization.adminLevel}`)}` : ""}
          </span>
        </DescriptionItem>
        <DescriptionItem label={t("posts.fields.district")}>{post.district ? localName(post.district, locale) : t("posts.cityLevel")}</DescriptionItem>
        <DescriptionItem label={t("posts.fields.practiceField")}>
          {t(`enums.practiceField.${post.practiceField}`)}
          <PlanCode code={PRACTICE_FIELD_CODES[post.practiceField]} />
        </DescriptionItem>
        {post.kind === "DEPARTMENT" ? (
          <DescriptionItem label={t("posts.fields.headcount")}>{post.headcount ?? "—"}</DescriptionItem>
        ) : (
          <DescriptionItem label={t("posts.fields.ratio")}>
            {post.ratioBasis && post.basisCount !== null && post.ratioPerWorker !== null
              ? t("posts.detail.ratioLine", { count: post.basisCount, basis: t(`enums.ratioBasis.${post.ratioBasis}`), n: post.ratioPerWorker })
              : "—"}
          </DescriptionItem>
        )}
        <DescriptionItem label={t("posts.fields.requiredHeadcount")}>{post.requiredHeadcount}</DescriptionItem>
        <DescriptionItem label={t("posts.fields.requiredQualification")}>{t(`enums.qualificationLevel.${post.requiredQualification}`)}</DescriptionItem>
        <DescriptionItem label={t("posts.fields.description")} wide>{post.description ?? "—"}</DescriptionItem>
      </DescriptionList>
      <p className="mt-4 text-xs text-slate-500">{t("posts.detail.updated", { date: momentFormatter(format)(post.updatedAt) })}</p>
    </Card>
  );
}
