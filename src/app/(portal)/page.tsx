import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/session";
import { ACTIONS, can, scopeOf, type TAction, type TScope } from "@/domain/authz/matrix";
import { ROLE_SCOPE_FIELD, scopeWordsKey } from "@/domain/accounts/role-scope";
import { scopeSummary } from "@/server/organizations/queries";
import { demoDataPresent } from "@/server/demo/presence";
import { revealAlerts } from "@/server/audit/queries";
import { capabilityName, isNavPage, navFor, navHintKey } from "@/features/shell/navigation";
import { ProviderHome } from "@/features/trainings/components/provider-home";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { localName } from "@/i18n/local-name";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("home") };
}

export default async function HomePage() {
  const user = await requireUser();
  const [t, locale, format, summary, demo, reveals] = await Promise.all([getTranslations(), getLocale(), getFormatter(), scopeSummary(user), demoDataPresent(), revealAlerts(user)]);
  const anchor = ROLE_SCOPE_FIELD[user.role];
  const scopeName = anchor === "regionId" ? localName(user.regionName, locale) : anchor === "organizationId" ? localName(user.organizationName, locale) : t(scopeWordsKey(user.role));
  const capabilities = ACTIONS.map((a) => ({ action: a, scope: scopeOf(user.role, a) })).filter((c): c is { action: TAction; scope: TScope } => c.scope !== null);
  // Looked up in the "capabilities" namespace, not among every key of the catalogue: a union of all
  // the capability keys checked against the whole catalogue's key type exceeds what TypeScript
  // evaluates (keys start to "disappear"), while the namespace's own keys stay small.
  const tc = await getTranslations("capabilities");
  const capabilityLabel = (action: TAction): string => tc(capabilityName(action));
  const figures = (
    [
      { key: "organizations", value: summary.organizations },
      { key: "agencies", value: summary.agencies },
      { key: "streets", value: summary.streets },
      { key: "communities", value: summary.communities },
      { key: "users", value: summary.users },
    ] as const
  ).filter((f) => f.value !== null);
  const links = navFor(user).filter(isNavPage);

  return (
    <div className="space-y-6">
      <PageHeader title={t("home.greeting", { name: user.name })} description={t(`home.roleIntro.${user.role}`)} />
      {reveals.length ? (
        <div data-testid="reveal-alert">
          <Notice tone="error">
            <p className="font-medium">{t("home.revealAlertTitle")}</p>
            <ul className="mt-1 list-disc pl-5">
              {reveals.map((r) => (
                <li key={r.email}>{t("home.revealAlertItem", { email: r.email, count: r.refused })}</li>
              ))}
            </ul>
          </Notice>
        </div>
      ) : null}
      {demo && can(user, "users.create") ? (
        <div data-testid="demo-note">
          {/* One line in the user's words; the how-to (commands, folders, settings) is in the README. */}
          <Notice tone="info">
            <p>{t.rich("home.demoNote", { strong: (chunks) => <strong className="font-medium">{chunks}</strong> })}</p>
          </Notice>
        </div>
      ) : null}

      {/* A training provider's home is its programmes. */}
      {scopeOf(user.role, "trainings.manage") === "organization" ? <ProviderHome user={user} /> : null}

      <Card title={t("home.scopeTitle")}>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("home.role")}</dt>
            <dd className="mt-1 text-sm font-medium text-slate-900" data-testid="home-role">{t(`roles.${user.role}`)}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("home.scope")}</dt>
            <dd className="mt-1 text-sm font-medium text-slate-900" data-testid="home-scope">{scopeName}</dd>
          </div>
        </dl>
        {figures.length > 0 ? (
          <dl className="mt-5 grid grid-cols-2 gap-3 border-t border-slate-100 pt-5 sm:grid-cols-3 lg:grid-cols-5">
            {figures.map((f) => (
              <div key={f.key} className="rounded-md bg-slate-50 px-4 py-3">
                <dt className="text-xs text-slate-500">{t(`home.figures.${f.key}`)}</dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums text-brand-800">{format.number(f.value ?? 0)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("home.canDoTitle")}>
          <ul className="divide-y divide-slate-100">
            {capabilities.map((c) => (
              // The scope goes beside the action when both fit, else under it: a long scope ("your
              // department and the organisations it supervises") never squeezes the action's name.
              <li key={c.action} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 py-2 text-sm">
                <span className="min-w-0 flex-[1_1_14rem] text-slate-800">{capabilityLabel(c.action)}</span>
                <span className="min-w-0 text-xs text-slate-500">{t(`scopes.${c.scope}`)}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("home.shortcutsTitle")}>
          <ul className="grid gap-2 sm:grid-cols-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="block rounded-md border border-slate-200 px-4 py-3 text-sm font-medium text-brand-800 hover:border-brand-300 hover:bg-brand-50">
                  {t(`nav.${l.key}`)}
                  <span className="mt-0.5 block text-xs font-normal text-slate-500">{t(`navHint.${navHintKey(user, l.key)}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
