import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { creatableKinds, postOrganizationOptions } from "@/server/posts/queries";
import { POST_KINDS, type TPostKind } from "@/domain/posts/enums";
import { PostForm } from "@/features/posts/components/post-form";
import { localName } from "@/i18n/local-name";
import { Card, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("posts");
  return { title: t("new") };
}

export default async function NewPostPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const user = await requirePermission("posts.manage");
  const [t, { kind: rawKind }, locale, kinds] = await Promise.all([getTranslations(), searchParams, getLocale(), creatableKinds(user)]);
  // Only kinds the caller holds an organisation for (a department officer: department posts).
  if (kinds.length === 0) forbidden();
  const kind = (POST_KINDS as readonly string[]).includes(rawKind ?? "") ? (rawKind as TPostKind) : null;
  if (kind && !kinds.includes(kind)) forbidden();
  if (!kind && kinds.length === 1) redirect(`/posts/new?kind=${kinds[0]}`);
  const header = (
    <div>
      <Breadcrumb label={t("common.breadcrumb")} href="/posts">{t("posts.title")}</Breadcrumb>
      <PageHeader title={kind === "DEPARTMENT" ? t("posts.newDepartment") : kind === "RATIO" ? t("posts.newRatio") : t("posts.new")} description={kind ? t(`posts.kindHint.${kind}`) : undefined} />
    </div>
  );
  if (!kind) {
    return (
      <div className="space-y-6">
        {header}
        <ul className="grid gap-4 sm:grid-cols-2">
          {kinds.map((k) => (
            <li key={k}>
              <Link href={`/posts/new?kind=${k}`} className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-600">
                <span className="block font-semibold text-brand-800">{k === "DEPARTMENT" ? t("posts.newDepartment") : t("posts.newRatio")}</span>
                <span className="mt-1 block text-sm text-slate-600">{t(`posts.kindHint.${k}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const orgs = await postOrganizationOptions(user, kind);
  return (
    <div className="space-y-6">
      {header}
      <Card>
        <PostForm kind={kind} organizations={orgs.map((o) => ({ id: o.id, label: localName(o, locale), kind: o.kind, departmentType: o.departmentType, adminLevel: o.adminLevel }))} />
      </Card>
    </div>
  );
}
