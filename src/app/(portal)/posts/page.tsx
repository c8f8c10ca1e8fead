import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { creatableKinds, listPosts, postFilterOptions, postSummary } from "@/server/posts/queries";
import { parsePostFilter, postFilterParams } from "@/domain/posts/list-filter";
import { PostFilterBar } from "@/features/posts/components/post-filter-bar";
import { PostViewTabs } from "@/features/posts/components/post-view-tabs";
import { PostListTable } from "@/features/posts/components/post-list-table";
import { PostSummaryTable } from "@/features/posts/components/post-summary-table";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ExportLink } from "@/components/ui/export-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("posts");
  return { title: t("title") };
}

export default async function PostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("posts.read");
  const filter = parsePostFilter(await searchParams);
  const [t, options, kinds] = await Promise.all([getTranslations("posts"), postFilterOptions(user), can(user, "posts.manage") ? creatableKinds(user) : Promise.resolve([])]);
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {/* The list view's export, with its filter (the summaries are figures on screen). */}
            {filter.view === "list" ? <ExportLink href="/api/posts/export" params={postFilterParams(filter)} /> : null}
            {kinds.map((k) => (
              <Link key={k} href={`/posts/new?kind=${k}`} className={buttonClass(k === "DEPARTMENT" ? "primary" : "secondary")}>
                {k === "DEPARTMENT" ? t("newDepartment") : t("newRatio")}
              </Link>
            ))}
          </>
        }
      />
      <PostFilterBar filter={filter} options={options} />
      <PostViewTabs filter={filter} />
      {filter.view === "list" ? (
        <PostListTable result={await listPosts(user, filter)} params={postFilterParams(filter)} />
      ) : (
        <PostSummaryTable summary={await postSummary(user, filter)} filter={filter} />
      )}
    </div>
  );
}
