import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getPost, postOrganizationOptions } from "@/server/posts/queries";
import { PostForm } from "@/features/posts/components/post-form";
import { localName } from "@/i18n/local-name";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("posts");
  return { title: t("edit") };
}

export default async function EditPostPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("posts.manage");
  const { id } = await params;
  const [t, locale, post] = await Promise.all([getTranslations(), getLocale(), getPost(user, id, "posts.manage")]);
  if (!post) notFound();
  // A closed post is kept as it was; its page says so.
  if (post.closedOn) redirect(`/posts/${post.id}`);
  const orgs = await postOrganizationOptions(user, post.kind);
  const options = orgs.map((o) => ({ id: o.id, label: localName(o, locale), kind: o.kind, departmentType: o.departmentType, adminLevel: o.adminLevel }));
  const str = (n: number | null) => (n === null ? "" : String(n));
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("common.breadcrumb")} href={`/posts/${post.id}`}>{post.title}</Breadcrumb>
        <PageHeader title={t("posts.edit")} description={`${t(`enums.postKind.${post.kind}`)} · ${localName(post.organization, locale)}`} />
      </div>
      <Card>
        <PostForm
          key={post.version}
          kind={post.kind}
          organizations={options}
          post={{
            id: post.id,
            version: post.version,
            title: post.title,
            organizationId: post.organizationId,
            practiceField: post.practiceField,
            requiredQualification: post.requiredQualification,
            description: post.description ?? "",
            headcount: str(post.headcount),
            ratioBasis: post.ratioBasis ?? "",
            basisCount: str(post.basisCount),
            ratioPerWorker: str(post.ratioPerWorker),
          }}
        />
      </Card>
    </div>
  );
}
