import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can, scopeOf } from "@/domain/authz/matrix";
import { assignablePractitioners, getPost } from "@/server/posts/queries";
import { PostHeader, type TPostNoticeParams } from "@/features/posts/components/post-header";
import { PostFillCard } from "@/features/posts/components/post-fill-card";
import { PostParticularsCard } from "@/features/posts/components/post-particulars-card";
import { PostHoldersCard } from "@/features/posts/components/post-holders-card";
import { PostAssignCard } from "@/features/posts/components/post-assign-card";
import { PostHistoryCard } from "@/features/posts/components/post-history-card";
import { priorityCandidates } from "@/server/civil-servants/hiring-priority";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("posts");
  return { title: t("detail.title") };
}

export default async function PostPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<TPostNoticeParams & { pq?: string }> }) {
  const user = await requirePermission("posts.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const post = await getPost(user, id);
  if (!post) notFound();
  // A closed post is history: nobody manages it any more.
  const manage = !post.closedOn && can(user, "posts.manage", { regionPath: post.regionPath, organizationId: post.organizationId, supervisingDepartmentId: post.organization.supervisingDepartmentId });
  const query = (sp.pq ?? "").trim().slice(0, 100);
  // A department post (P1) lists candidates with hiring priority first (优先录用, plan.md T2).
  const candidates = !manage ? [] : post.kind === "DEPARTMENT" ? await priorityCandidates(user, post.id, query) : await assignablePractitioners(user, post.id, query);
  return (
    <div className="space-y-6">
      <PostHeader post={post} manage={manage} notice={sp} />
      {post.fill ? <PostFillCard post={post} fill={post.fill} /> : null}
      <PostParticularsCard post={post} />
      <PostHoldersCard post={post} manage={manage} />
      {manage ? <PostAssignCard post={post} query={query} candidates={candidates} departmentScope={scopeOf(user.role, "posts.manage") === "department"} /> : null}
      <PostHistoryCard post={post} />
    </div>
  );
}
