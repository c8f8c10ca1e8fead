import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TPostDetail } from "@/server/posts/queries";
import { isoDay } from "@/domain/common/calendar-day";
import { dayFormatter } from "@/domain/common/day-format";
import { localName } from "@/i18n/local-name";
import { Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { buttonClass } from "@/components/ui/button";
import { ClosePostButton } from "./post-buttons";

export type TPostNoticeParams = { created?: string; saved?: string; closed?: string; assigned?: string; ended?: string; below?: string };

/** The notice a redirect back to the post asks for (?created=1, ?assigned=over …), as a catalogue key. */
function noticeKey(sp: TPostNoticeParams) {
  if (sp.created) return "created" as const;
  if (sp.saved) return "saved" as const;
  if (sp.closed) return "closed" as const;
  if (sp.assigned) return sp.assigned === "over" ? ("assignedOver" as const) : ("assigned" as const);
  if (sp.ended) return "ended" as const;
  return null;
}

/** The post's title, kind and organisation, what a manager may do with it, and what just happened. */
export async function PostHeader({ post, manage, notice }: { post: TPostDetail; manage: boolean; notice: TPostNoticeParams }) {
  const [t, locale, format] = await Promise.all([getTranslations(), getLocale(), getFormatter()]);
  const key = noticeKey(notice);
  return (
    <div>
      <Breadcrumb label={t("common.breadcrumb")} href="/posts">{t("posts.title")}</Breadcrumb>
      <PageHeader
        title={post.title}
        description={[t(`enums.postKind.${post.kind}`), localName(post.organization, locale), post.district ? localName(post.district, locale) : t("posts.cityLevel")].join(" · ")}
        actions={
          manage ? (
            <>
              <Link href={`/posts/${post.id}/edit`} className={buttonClass("secondary")}>{t("posts.edit")}</Link>
              <ClosePostButton post={{ id: post.id, version: post.version, title: post.title }} today={isoDay(post.today)} />
            </>
          ) : null
        }
      />
      {key ? <Notice tone="success">{t(`posts.notices.${key}`)}</Notice> : null}
      {notice.assigned && notice.below ? (
        <div className="mt-3">
          <Notice tone="info">{t("posts.notices.belowRequirement", { required: t(`enums.qualificationLevel.${post.requiredQualification}`) })}</Notice>
        </div>
      ) : null}
      {post.closedOn ? (
        <div className="mt-3">
          <Notice tone="info">{t("posts.detail.closedNotice", { date: dayFormatter(format)(post.closedOn) })}</Notice>
        </div>
      ) : null}
    </div>
  );
}
