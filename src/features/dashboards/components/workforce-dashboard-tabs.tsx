import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type TPrincipal } from "@/domain/authz/matrix";
import { cn } from "@/components/ui/cn";

const DASHBOARDS = [
  { href: "/dashboard/growth", key: "growth", action: "dashboard.growth.read" },
  { href: "/dashboard/workforce", key: "workforce", action: "dashboard.workforce.read" },
] as const;

/** Switches between the dashboards the caller may read (shown only when there is more than one). */
export async function DashboardTabs({ user, current }: { user: Pick<TPrincipal, "role">; current: (typeof DASHBOARDS)[number]["key"] }) {
  const t = await getTranslations("nav");
  const tw = await getTranslations("workforce");
  const items = DASHBOARDS.filter((d) => can(user, d.action));
  if (items.length < 2) return null;
  return (
    <nav aria-label={tw("tabsLabel")} className="mb-4 flex gap-1 border-b border-slate-200">
      {items.map((d) => (
        <Link
          key={d.key}
          href={d.href}
          aria-current={d.key === current ? "page" : undefined}
          className={cn("-mb-px rounded-t-md border px-4 py-2 text-sm font-medium", d.key === current ? "border-slate-200 border-b-white bg-white text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900")}
        >
          {t(d.key)}
        </Link>
      ))}
    </nav>
  );
}
