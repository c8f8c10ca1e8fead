import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TCurrentUser } from "@/server/auth/session";
import { listTrainings } from "@/server/trainings/queries";
import { getProvider } from "@/server/trainings/providers";
import { dayFormatter } from "@/domain/common/day-format";
import { Card, Notice } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { TrainingStatusBadge } from "./training-status-badge";

/** A provider's home: the approval in force and its latest programmes with their places. */
export async function ProviderHome({ user }: { user: TCurrentUser }) {
  const [t, format, list, provider] = await Promise.all([
    getTranslations("trainings"),
    getFormatter(),
    listTrainings(user, { kind: null, providerId: null, month: null, open: false }, 1),
    user.organizationId ? getProvider(user, user.organizationId) : Promise.resolve(null),
  ]);
  const day = dayFormatter(format);
  const items = list.items.slice(0, 6);
  return (
    <Card title={t("home.title")} actions={<Link href="/trainings/new" className={buttonClass("primary", "sm")}>{t("new")}</Link>}>
      <div className="space-y-4" data-testid="provider-home">
        {provider?.current ? (
          <p className="text-sm text-slate-700">{t("home.approval", { scopes: provider.current.scopes.map((s) => t(`scopes.${s}`)).join("、"), until: day(provider.current.validTo) })}</p>
        ) : (
          <Notice tone="info">{t("home.noApproval")}</Notice>
        )}
        {items.length ? (
          <ul className="divide-y divide-slate-100">
            {items.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span className="min-w-0">
                  <Link href={`/trainings/${p.id}`} className="font-medium text-brand-800 hover:underline">{p.title}</Link>
                  <span className="block text-xs text-slate-600">{`${p.reference} · ${day(p.startDate)} · ${t("list.placesValue", { taken: p.taken, capacity: p.capacity })}`}</span>
                </span>
                <TrainingStatusBadge status={p.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("home.none")}</p>
        )}
        <Link href="/trainings" className="text-sm text-brand-700 hover:underline">{t("home.all")}</Link>
      </div>
    </Card>
  );
}
