import { getTranslations } from "next-intl/server";
import { can, type TPrincipal } from "@/domain/authz/matrix";
import { TabNav } from "@/components/ui/tab-nav";

const DASHBOARDS = [
  { href: "/dashboard/growth", key: "growth", action: "dashboard.growth.read" },
  { href: "/dashboard/workforce", key: "workforce", action: "dashboard.workforce.read" },
  { href: "/dashboard/training", key: "trainingDashboard", action: "dashboard.training.read" },
  { href: "/dashboard/services", key: "servicesDashboard", action: "dashboard.services.read" },
] as const;

/** Switches between the dashboards the caller may read (shown only when there is more than one). */
export async function DashboardTabs({ user, current }: { user: Pick<TPrincipal, "role">; current: (typeof DASHBOARDS)[number]["key"] }) {
  const [t, tw] = await Promise.all([getTranslations("nav"), getTranslations("workforce")]);
  const items = DASHBOARDS.filter((d) => can(user, d.action));
  if (items.length < 2) return null;
  return <TabNav label={tw("tabsLabel")} className="mb-4" tabs={items.map((d) => ({ key: d.key, href: d.href, label: t(d.key), current: d.key === current }))} />;
}
