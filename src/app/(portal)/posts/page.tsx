import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { creatableKinds, listPosts, postFilterOptions, summaryByDistrict, summaryByField, summaryByOrganization, type TFillFigures } from "@/server/posts/queries";
import { parsePostFilter, postFilterParams, POST_VIEWS, type TPostListFilter } from "@/domain/posts/list-filter";
import { POST_KINDS } from "@/domain/posts/enums";
import { FillBar } from "@/features/posts/components/fill-bar";
import { PRACTICE_FIELDS } from "@/domain/practitioners/enums";
import { fillRate, isCompliant } from "@/domain/posts/post-maths";
import { localName } from "@/i18n/local-name";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ListPagination } from "@/components/ui/list-pagination";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("posts");
  return { title: t("title") };
}

type TFormat = Awaited<ReturnType<typeof getFormatter>>;
type TT = Awaited<ReturnType<typeof getTranslations>>;

const pct = (format: TFormat, rate: number | null) => (rate === null ? "—" : format.number(rate, { style: "percent", maximumFractionDigits: 0 }));

function qs(params: Record<string, string>) {
  const s = new URLSearchParams(params).toString();
  return s ? `?${s}` : "";
}

export default async function PostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("posts.read");
  const filter = parsePostFilter(await searchParams);
  const [t, locale, format, options, kinds] = await Promise.all([
    getTranslations(),
    getLocale(),
    getFormatter(),
    postFilterOptions(user),
    can(user, "posts.manage") ? creatableKinds(user) : Promise.resolve([]),
  ]);
  const base = postFilterParams(filter);
  return (
    <div>
      <PageHeader
        title={t("posts.title")}
        description={t("posts.description")}
        actions={kinds.map((k) => (
          <Link key={k} href={`/posts/new?kind=${k}`} className={buttonClass(k === "DEPARTMENT" ? "primary" : "secondary")}>
            {k === "DEPARTMENT" ? t("posts.newDepartment") : t("posts.newRatio")}
          </Link>
        ))}
      />
      <FilterBar basePath="/posts" className="grid-cols-2 lg:grid-cols-4">
        {filter.view !== "list" ? <input type="hidden" name="view" value={filter.view} /> : null}
        <FilterInput className="col-span-2" label={t("posts.search")} name="q" defaultValue={filter.q} placeholder={t("posts.searchPlaceholder")} />
        <FilterSelect label={t("posts.filters.kind")} name="kind" defaultValue={filter.kind}>
          <option value="">{t("common.all")}</option>
          {POST_KINDS.map((k) => (
            <option key={k} value={k}>{t(`enums.postKind.${k}`)}</option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("posts.filters.field")} name="field" defaultValue={filter.field}>
          <option value="">{t("common.all")}</option>
          {PRACTICE_FIELDS.map((f) => (
            <option key={f} value={f}>{t(`enums.practiceField.${f}`)}</option>
          ))}
        </FilterSelect>
        {options.districts.length > 1 ? (
          <FilterSelect label={t("posts.filters.district")} name="district" defaultValue={filter.district}>
            <option value="">{t("common.all")}</option>
            {options.districts.map((d) => (
              <option key={d.id} value={d.id}>{localName(d, locale)}</option>
            ))}
          </FilterSelect>
        ) : null}
        {options.organizations.length > 1 ? (
          <FilterSelect label={t("posts.filters.organization")} name="org" defaultValue={filter.org}>
            <option value="">{t("common.all")}</option>
            {options.organizations.map((o) => (
              <option key={o.id} value={o.id}>{localName(o, locale)}</option>
            ))}
          </FilterSelect>
        ) : null}
        {filter.view === "list" ? (
          <>
            <FilterSelect label={t("posts.filters.status")} name="status" defaultValue={filter.status}>
              <option value="open">{t("posts.filters.statusOpen")}</option>
              <option value="closed">{t("posts.filters.statusClosed")}</option>
            </FilterSelect>
            <div className="flex items-end pb-2">
              <label className="inline-flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="understaffed" value="1" defaultChecked={filter.understaffed} className="h-4 w-4 rounded border-slate-300" />
                {t("posts.filters.understaffed")}
              </label>
            </div>
          </>
        ) : null}
      </FilterBar>

      <nav aria-label={t("posts.views.label")} className="mb-4 flex flex-wrap gap-1 border-b border-slate-200">
        {POST_VIEWS.map((view) => {
          const active = filter.view === view;
          return (
            <Link
              key={view}
              href={`/posts${qs(postFilterParams({ ...filter, view, page: 1 }, { view: true }))}`}
              aria-current={active ? "page" : undefined}
              className={cn("-mb-px rounded-t-md border px-4 py-2 text-sm font-medium", active ? "border-slate-200 border-b-white bg-white text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900")}
            >
              {t(`posts.views.${view}`)}
            </Link>
          );
        })}
      </nav>

      {filter.view === "list" ? (
        <PostList filter={filter} params={base} t={t} locale={locale} format={format} user={user} />
      ) : (
        <Summary filter={filter} t={t} locale={locale} format={format} user={user} />
      )}
    </div>
  );
}

type TViewProps = { filter: TPostListFilter; t: TT; locale: string; format: TFormat; user: Awaited<ReturnType<typeof requirePermission>> };

async function PostList({ filter, params, t, locale, format, user }: TViewProps & { params: Record<string, string> }) {
  const result = await listPosts(user, filter);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  if (result.items.length === 0) return <EmptyState title={t("posts.empty")}>{t("common.tryOtherFilters")}</EmptyState>;
  return (
    <>
      <Table caption={t("posts.views.list")}>
        <thead>
          <tr>
            <Th>{t("posts.columns.title")}</Th>
            <Th>{t("posts.columns.organization")}</Th>
            <Th>{t("posts.columns.kind")}</Th>
            <Th>{t("posts.columns.field")}</Th>
            <Th className="text-right">{t("posts.columns.required")}</Th>
            <Th className="text-right">{t("posts.columns.filled")}</Th>
            <Th className="text-right">{t("posts.columns.qualifiedFilled")}</Th>
            <Th>{t("posts.columns.fillRate")}</Th>
            <Th>{t("posts.columns.compliance")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {result.items.map((p) => (
            <tr key={p.id} className="hover:bg-slate-50" data-testid="post-row">
              <Td className="min-w-44">
                <Link href={`/posts/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.title}</Link>
                {p.closedOn ? <span className="mt-1 block"><Badge>{t("posts.closedOn", { date: day(p.closedOn) })}</Badge></span> : null}
              </Td>
              <Td className="min-w-44 text-slate-700">
                {localName(p.organization, locale)}
                <span className="block text-xs text-slate-500">{p.district ? localName(p.district, locale) : t("posts.cityLevel")}</span>
              </Td>
              <Td className="whitespace-nowrap">{t(`enums.postKind.${p.kind}`)}</Td>
              <Td className="min-w-36">{t(`enums.practiceField.${p.practiceField}`)}</Td>
              <Td className="text-right tabular-nums">{p.requiredHeadcount}</Td>
              <Td className="text-right tabular-nums">{p.fill ? p.fill.filled : "—"}</Td>
              <Td className="text-right tabular-nums">{p.fill ? p.fill.qualifiedFilled : "—"}</Td>
              <Td>{p.fill ? <FillBar rate={fillRate(p.fill.filled, p.fill.required)} label={pct(format, fillRate(p.fill.filled, p.fill.required))} /> : "—"}</Td>
              <Td>
                {p.kind === "RATIO" && p.fill ? (
                  isCompliant(p.fill) ? <Badge tone="green">{t("posts.compliance.compliant")}</Badge> : <Badge tone="amber">{t("posts.compliance.notCompliant")}</Badge>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <ListPagination result={result} basePath="/posts" params={params} />
    </>
  );
}

function RowHead({ children }: { children: ReactNode }) {
  return <th scope="row" className="px-4 py-2.5 text-left align-top text-sm font-medium text-slate-800">{children}</th>;
}

function FigureCells({ f, format }: { f: TFillFigures; format: TFormat }) {
  return (
    <>
      <Td className="text-right tabular-nums">{f.posts}</Td>
      <Td className="text-right tabular-nums">{f.required}</Td>
      <Td className="text-right tabular-nums">{f.filled}</Td>
      <Td className="text-right tabular-nums">{f.qualifiedFilled}</Td>
      <Td><FillBar rate={f.fillRate} label={pct(format, f.fillRate)} /></Td>
      <Td><FillBar rate={f.qualifiedFillRate} label={pct(format, f.qualifiedFillRate)} /></Td>
      <Td className="whitespace-nowrap tabular-nums">{f.ratioPosts ? `${f.ratioCompliant} / ${f.ratioPosts} · ${pct(format, f.ratioComplianceRate)}` : "—"}</Td>
    </>
  );
}

function FigureHeads({ t, first }: { t: TT; first: string }) {
  return (
    <tr>
      <Th>{first}</Th>
      <Th className="text-right">{t("posts.columns.posts")}</Th>
      <Th className="text-right">{t("posts.columns.required")}</Th>
      <Th className="text-right">{t("posts.columns.filled")}</Th>
      <Th className="text-right">{t("posts.columns.qualifiedFilled")}</Th>
      <Th>{t("posts.columns.fillRate")}</Th>
      <Th>{t("posts.columns.qualifiedFillRate")}</Th>
      <Th>{t("posts.columns.ratioCompliance")}</Th>
    </tr>
  );
}

async function Summary({ filter, t, locale, format, user }: TViewProps) {
  const note = <p className="mb-3 text-sm text-slate-600">{t("posts.summaryNote")}</p>;
  const totalRow = (f: TFillFigures) => (
    <tfoot className="border-t-2 border-slate-200 font-semibold">
      <tr>
        <RowHead>{t("posts.total")}</RowHead>
        <FigureCells f={f} format={format} />
      </tr>
    </tfoot>
  );
  if (filter.view === "field") {
    const s = await summaryByField(user, filter);
    return (
      <>
        {note}
        <Table caption={t("posts.views.field")}>
          <thead><FigureHeads t={t} first={t("posts.columns.field")} /></thead>
          <tbody className="divide-y divide-slate-100">
            {s.rows.map((r) => (
              <tr key={r.field} data-testid="summary-row">
                <RowHead>{t(`enums.practiceField.${r.field}`)}</RowHead>
                <FigureCells f={r} format={format} />
              </tr>
            ))}
          </tbody>
          {totalRow(s.total)}
        </Table>
      </>
    );
  }
  if (filter.view === "district") {
    const s = await summaryByDistrict(user, filter);
    if (!s.rows.length) return <EmptyState title={t("posts.empty")}>{t("common.tryOtherFilters")}</EmptyState>;
    return (
      <>
        {note}
        <Table caption={t("posts.views.district")}>
          <thead><FigureHeads t={t} first={t("posts.columns.district")} /></thead>
          <tbody className="divide-y divide-slate-100">
            {s.rows.map((r) => (
              <tr key={r.key} data-testid="summary-row">
                <RowHead>{r.district ? localName(r.district, locale) : t("posts.cityLevel")}</RowHead>
                <FigureCells f={r} format={format} />
              </tr>
            ))}
          </tbody>
          {totalRow(s.total)}
        </Table>
      </>
    );
  }
  const s = await summaryByOrganization(user, filter);
  if (!s.page.items.length) return <EmptyState title={t("posts.empty")}>{t("common.tryOtherFilters")}</EmptyState>;
  return (
    <>
      {note}
      <Table caption={t("posts.views.organization")}>
        <thead><FigureHeads t={t} first={t("posts.columns.organization")} /></thead>
        <tbody className="divide-y divide-slate-100">
          {s.page.items.map((r) => (
            <tr key={r.organization.id} data-testid="summary-row">
              <RowHead>
                <Link href={`/posts${qs({ ...postFilterParams(filter), org: r.organization.id })}`} className="text-brand-700 hover:underline">{localName(r.organization, locale)}</Link>
                <span className="block text-xs font-normal text-slate-500">{t(`orgKinds.${r.organization.kind}`)}</span>
              </RowHead>
              <FigureCells f={r} format={format} />
            </tr>
          ))}
        </tbody>
        {totalRow(s.total)}
      </Table>
      <ListPagination result={s.page} basePath="/posts" params={postFilterParams(filter, { view: true })} />
    </>
  );
}
