import { getTranslations } from "next-intl/server";
import { POST_VIEWS, postFilterParams, type TPostListFilter } from "@/domain/posts/list-filter";
import { TabNav } from "@/components/ui/tab-nav";
import { postsHref } from "./posts-href";

/** The list and the three summaries of the posts page; switching keeps the filters and starts at page 1. */
export async function PostViewTabs({ filter }: { filter: TPostListFilter }) {
  const t = await getTranslations("posts.views");
  return (
    <TabNav
      label={t("label")}
      className="mb-4"
      tabs={POST_VIEWS.map((view) => ({ key: view, href: postsHref(postFilterParams({ ...filter, view, page: 1 }, { view: true })), label: t(view), current: filter.view === view }))}
    />
  );
}
