import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { getUserForEdit } from "@/server/accounts/queries";
import { localisedScopeOptions } from "@/features/accounts/scope-options";
import { disableUserAction, enableUserAction, resetPasswordAction } from "@/features/accounts/actions";
import { UserForm } from "@/features/accounts/components/user-form";
import { UserStatusBadge } from "@/features/accounts/components/user-status-badge";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { instantDayFormatter, momentFormatter } from "@/domain/common/day-format";
import { personLink } from "@/server/evaluations/queries";
import { LinkPersonForm } from "@/features/evaluations/components/forms";
import { localName } from "@/i18n/local-name";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("edit") };
}

export default async function EditUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const actor = await requirePermission("users.update");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const [t, format, user, options] = await Promise.all([getTranslations(), getFormatter(), getUserForEdit(actor, id), localisedScopeOptions(actor)]);
  if (!user) notFound();
  const ref = { id: user.id, version: String(user.version) };
  // An evaluator's own register entry, which the evaluation panel reads for recusal.
  const person = user.role === "EVALUATOR" ? await personLink(user.id) : null;
  const locale = await getLocale();
  const isSelf = user.id === actor.id;
  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb label={t("common.breadcrumb")} href="/admin/users">{t("nav.users")}</Breadcrumb>
        <PageHeader
          title={user.name}
          description={user.email}
          actions={<UserStatusBadge user={user} />}
        />
        {sp.created ? <Notice tone="success">{t("notices.created")}</Notice> : null}
      </div>
      <Card title={t("users.edit")}>
        <UserForm key={user.version} options={options} user={user} />
      </Card>
      {person ? (
        <Card title={t("evaluations.link.title")}>
          <div className="space-y-3" data-testid="person-link">
            <p className="text-sm text-slate-600">{t("evaluations.link.intro")}</p>
            <p className="text-sm font-medium text-slate-900">
              {person.personPractitioner
                ? t("evaluations.link.linked", { name: `${person.personPractitioner.name}${person.personPractitioner.organization ? ` · ${localName(person.personPractitioner.organization, locale)}` : ""}`, id: person.personPractitioner.idNumberMasked ?? "—" })
                : t("evaluations.link.none")}
            </p>
            <LinkPersonForm userId={user.id} />
          </div>
        </Card>
      ) : null}
      <Card title={t("users.accessTitle")}>
        <DescriptionList className="mb-5 gap-3 text-sm sm:grid-cols-2">
          <DescriptionItem plain label={t("users.lastSignIn")}>{user.lastSignInAt ? momentFormatter(format)(user.lastSignInAt) : "—"}</DescriptionItem>
          <DescriptionItem plain label={t("users.createdAt")}>{instantDayFormatter(format)(user.createdAt)}</DescriptionItem>
        </DescriptionList>
        {isSelf ? (
          <p className="text-sm text-slate-600">{t("users.selfHint")}</p>
        ) : (
          <div className="flex flex-wrap gap-6">
            <ConfirmAction
              action={resetPasswordAction}
              fields={ref}
              variant="primary"
              label={t("users.resetPassword")}
              title={t("users.resetPasswordTitle")}
              body={t("users.resetPasswordBody", { email: user.email })}
              confirmLabel={t("users.resetPasswordConfirm")}
            />
            {user.disabledAt ? (
              <ConfirmAction
                action={enableUserAction}
                fields={ref}
                variant="primary"
                label={t("users.enable")}
                title={t("users.enableTitle")}
                body={t("users.enableBody", { name: user.name })}
                confirmLabel={t("users.enable")}
              />
            ) : (
              <ConfirmAction
                action={disableUserAction}
                fields={ref}
                label={t("users.disable")}
                title={t("users.disableTitle")}
                body={t("users.disableBody", { name: user.name })}
                confirmLabel={t("users.disable")}
              />
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
