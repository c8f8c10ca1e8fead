import { can, type TAction, type TPrincipal } from "@/server/authz/matrix";

export type TNavItem = { href: string; key: string; action: TAction | null };

// Each entry names the permission that its page itself checks; the menu only mirrors it.
export const NAV_ITEMS: TNavItem[] = [
  { href: "/", key: "home", action: null },
  { href: "/organizations", key: "organizations", action: "organizations.read" },
  { href: "/admin/users", key: "users", action: "users.read" },
  { href: "/admin/audit", key: "audit", action: "audit.read" },
  { href: "/admin/outbox", key: "outbox", action: "outbox.read" },
  { href: "/account", key: "account", action: "account.read" },
];

export function navFor(principal: Pick<TPrincipal, "role">): TNavItem[] {
  return NAV_ITEMS.filter((item) => item.action === null || can(principal, item.action));
}
