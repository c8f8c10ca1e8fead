import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { assignablePractitioners, getPost } from "@/server/posts/queries";
import { FillBar } from "@/features/posts/components/fill-bar";
import { AssignForm } from "@/features/posts/components/assign-form";
import { ClosePostButton, EndAssignmentButton } from "@/features/posts/components/post-buttons";
import { fillRate, isCompliant } from "@/domain/posts/post-maths";
import { localName } from "@/i18n/local-name";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("posts");
  return { title: t("detail.title") };
}

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type TSearch = { created?: string; saved?: string; closed?: string; assigned?: string; ended?: string; pq?: string };

export default async function PostPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<TSearch> }) {
  const user = await requirePermission("posts.read");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const [t, locale, format, post] = await Promise.all([getTranslations(), getLocale(), getFormatter(), getPost(user, id)]);
  if (!post) notFound();
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const pct = (rate: number | null) => (rate === null ? "—" : format.number(rate, { style: "percent", maximumFractionDigits: 0 }));
  const closed = !!post.closedOn;
  const manage = !closed && can(user, "posts.manage", { regionPath: post.regionPath, organizationId: post.organizationId });
  const pq = (sp.pq ?? "").trim().slice(0, 100);
  const candidates = manage ? await assignablePractitioners(user, post.id, pq) : [];
  const holders = post.assignments.filter((a) => a.open);
  const fill = post.fill;
  const rate = fill ? fillRate(fill.filled, fill.required) : null;
  const qRate = fill ? fillRate(fill.qualifiedFilled, fill.required) : null;
  const today = isoDay(post.today);
  const person = (a: (typeof post.assignments)[number]) =>
    a.canOpenPractitioner ? (
      <Link href={`/practitioners/${a.practitioner.id}`} className="font-medium text-brand-700 hover:underline">{a.practitioner.name}</Link>
    ) : (
      <span className="font-medium">{a.practitioner.name}</span>
    );

  const notice = sp.created
    ? t("posts.notices.created")
    : sp.saved
      ? t("posts.notices.saved")
      : sp.closed
        ? t("posts.notices.closed")
        : sp.assigned === "over"
          ? t("posts.notices.assignedOver")
          : sp.assigned
            ? t("posts.notices.assigned")
            : sp.ended
              ? t("posts.notices.ended")
              : null;

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label={t("common.breadcrumb")} className="mb-2 text-sm">
          <Link href="/posts" className="text-brand-700 hover:underline">{t("posts.title")}</Link>
        </nav>
        <PageHeader
          title={post.title}
          description={[t(`enums.postKind.${post.kind}`), localName(post.organization, locale), post.district ? localName(post.district, locale) : t("posts.cityLevel")].join(" · ")}
          actions={
            manage ? (
              <>
                <Link href={`/posts/${post.id}/edit`} className={buttonClass("secondary")}>{t("posts.edit")}</Link>
                <ClosePostButton post={{ id: post.id, version: post.version, title: post.title }} today={today} />
              </>
            ) : null
          }
        />
        {notice ? <Notice tone="success">{notice}</Notice> : null}
        {closed ? (
          <div className="mt-3">
            <Notice tone="info">{t("posts.detail.closedNotice", { date: day(post.closedOn) })}</Notice>
          </div>
        ) : null}
      </div>

      {fill ? (
        <Card title={t("posts.detail.fill")}>
          <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="post-fill">
            <Item label={t("posts.columns.required")}><span className="text-lg font-semibold">{fill.required}</span></Item>
            <Item label={t("posts.columns.filled")}><span className="text-lg font-semibold">{fill.filled}</span></Item>
            <Item label={t("posts.columns.qualifiedFilled")}><span className="text-lg font-semibold">{fill.qualifiedFilled}</span></Item>
            <Item label={t("posts.columns.fillRate")}><span data-testid="fill-rate"><FillBar rate={rate} label={pct(rate)} /></span></Item>
            <Item label={t("posts.columns.qualifiedFillRate")}><span data-testid="qualified-fill-rate"><FillBar rate={qRate} label={pct(qRate)} /></span></Item>
            <Item label={t("posts.columns.compliance")}>
              {post.kind === "RATIO" ? (
                isCompliant(fill) ? <Badge tone="green">{t("posts.compliance.compliant")}</Badge> : <Badge tone="amber">{t("posts.compliance.notCompliant")}</Badge>
              ) : (
                <span className="text-slate-500">{t("posts.compliance.notApplicable")}</span>
              )}
            </Item>
          </dl>
          <p className="mt-4 text-xs text-slate-500">{t("posts.detail.fillNote", { date: day(post.today) })}</p>
        </Card>
      ) : null}

      <Card title={t("posts.detail.particulars")}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("posts.fields.kind")}>{t(`enums.postKind.${post.kind}`)}</Item>
          <Item label={t("posts.fields.organization")}>
            {localName(post.organization, locale)}
            <span className="block text-xs text-slate-500">
              {t(`orgKinds.${post.organization.kind}`)}
              {post.organization.adminLevel ? ` · ${t(`adminLevels.${post.organization.adminLevel}`)}` : ""}
            </span>
          </Item>
          <Item label={t("posts.fields.district")}>{post.district ? localName(post.district, locale) : t("posts.cityLevel")}</Item>
          <Item label={t("posts.fields.practiceField")}>{t(`enums.practiceField.${post.practiceField}`)}</Item>
          {post.kind === "DEPARTMENT" ? (
            <Item label={t("posts.fields.headcount")}>{post.headcount ?? "—"}</Item>
          ) : (
            <Item label={t("posts.fields.ratio")}>
              {post.ratioBasis && post.basisCount !== null && post.ratioPerWorker !== null
                ? t("posts.detail.ratioLine", { count: post.basisCount, basis: t(`enums.ratioBasis.${post.ratioBasis}`), n: post.ratioPerWorker })
                : "—"}
            </Item>
          )}
          <Item label={t("posts.fields.requiredHeadcount")}>{post.requiredHeadcount}</Item>
          <Item label={t("posts.fields.requiredQualification")}>{t(`enums.qualificationLevel.${post.requiredQualification}`)}</Item>
          <Item label={t("posts.fields.description")} wide>{post.description ?? "—"}</Item>
        </dl>
        <p className="mt-4 text-xs text-slate-500">{t("posts.detail.updated", { date: format.dateTime(post.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      </Card>

      <Card title={t("posts.detail.holders")}>
        {holders.length ? (
          <Table caption={t("posts.detail.holders")}>
            <thead>
              <tr>
                <Th>{t("posts.detail.name")}</Th>
                <Th>{t("posts.detail.qualification")}</Th>
                <Th>{t("posts.detail.from")}</Th>
                {manage ? <Th><span className="sr-only">{t("posts.detail.actions")}</span></Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {holders.map((a) => (
                <tr key={a.id} data-testid="holder-row">
                  <Td>
                    {person(a)}
                    {a.practitioner.status !== "ACTIVE" ? <span className="ml-2"><Badge tone="amber">{t(`enums.practitionerStatus.${a.practitioner.status}`)}</Badge></span> : null}
                    {!a.current ? <span className="ml-2"><Badge tone="blue">{t("posts.detail.startsLater")}</Badge></span> : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {a.practitioner.isQualified ? <Badge tone="green">{t("posts.detail.qualified")}</Badge> : <Badge>{t("posts.detail.notQualified")}</Badge>}
                    <span className="block text-xs text-slate-500">{t(`enums.qualificationLevel.${a.practitioner.qualificationLevel}`)}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{day(a.from)}</Td>
                  {manage ? (
                    <Td className="text-right">
                      <EndAssignmentButton assignment={{ id: a.id, name: a.practitioner.name, from: day(a.from) }} today={today} />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-slate-600">{t("posts.detail.noHolders")}</p>
        )}
      </Card>

      {manage ? (
        <Card title={t("posts.assign.title")}>
          <div id="assign" className="space-y-4">
            <form method="get" action={`/posts/${post.id}#assign`} role="search" className="flex flex-wrap items-end gap-2">
              <div className="min-w-60 flex-1">
                <label htmlFor="pq" className="mb-1 block text-xs font-medium text-slate-600">{t("posts.assign.search")}</label>
                <input id="pq" name="pq" defaultValue={pq} placeholder={t("posts.assign.searchPlaceholder")} className={inputClass()} />
              </div>
              <button type="submit" className={buttonClass("secondary")}>{t("posts.assign.searchButton")}</button>
            </form>
            {candidates.length ? (
              <AssignForm
                key={`${pq}-${post.assignments.length}`}
                postId={post.id}
                today={today}
                full={fill && fill.filled >= fill.required ? { filled: fill.filled, required: fill.required } : null}
                options={candidates.map((c) => ({
                  id: c.id,
                  label: [c.name, c.organization ? localName(c.organization, locale) : null, c.isQualified ? t("posts.detail.qualified") : t("posts.detail.notQualified")].filter(Boolean).join(" · "),
                }))}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("posts.assign.noneFound")}</p>
            )}
          </div>
        </Card>
      ) : null}

      <Card title={t("posts.detail.history")}>
        {post.assignments.length ? (
          <Table caption={t("posts.detail.history")}>
            <thead>
              <tr>
                <Th>{t("posts.detail.name")}</Th>
                <Th>{t("posts.detail.from")}</Th>
                <Th>{t("posts.detail.to")}</Th>
                <Th>{t("posts.detail.note")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {post.assignments.map((a) => (
                <tr key={a.id} data-testid="history-row">
                  <Td>{person(a)}</Td>
                  <Td className="whitespace-nowrap">{day(a.from)}</Td>
                  <Td className="whitespace-nowrap">{a.to ? day(a.to) : <Badge tone="green">{t("posts.detail.ongoing")}</Badge>}</Td>
                  <Td className="text-slate-700">{a.note ?? "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-slate-600">{t("posts.detail.noHistory")}</p>
        )}
      </Card>
    </div>
  );
}
