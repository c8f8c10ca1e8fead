"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { activeHref } from "@/lib/nav-match";

export type TNavLink = { href: string; label: string };

function NavList({ items, label, active }: { items: TNavLink[]; label: string; active: string | null }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-col gap-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === active ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium",
                item.href === active ? "bg-brand-50 text-brand-800 ring-1 ring-brand-200 ring-inset" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The main menu as a sidebar, on wide screens (lg and up; the shell hides it below). */
export function NavLinks({ items, label }: { items: TNavLink[]; label: string }) {
  const pathname = usePathname();
  return <NavList items={items} label={label} active={activeHref(pathname, items.map((i) => i.href))} />;
}

/**
 * The main menu below lg: a button that says where you are ("Menu · Verification", or the page's
 * heading on a page that is no menu item) and opens a
 * drawer (a modal <dialog>: focus stays inside, Escape or a click beside it closes it, and focus
 * returns to the button). `children`: what the header shows on wide screens (the user, the
 * language, signing out), drawn at the foot of the drawer.
 */
export function MenuDrawer({ items, navLabel, menuLabel, closeLabel, children }: { items: TNavLink[]; navLabel: string; menuLabel: string; closeLabel: string; children?: ReactNode }) {
  const pathname = usePathname();
  const active = activeHref(pathname, items.map((i) => i.href));
  const current = items.find((i) => i.href === active);
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // A page that is no menu item (a record, a form, the account) is named by its heading instead.
  const [heading, setHeading] = useState<string | null>(null);

  const close = () => dialog.current?.close();
  // A followed link, or a window widened past lg (where the sidebar takes over), closes it.
  useEffect(() => {
    close();
  }, [pathname]);
  // The heading arrives with the page (after a loading state on client navigations): follow it.
  useEffect(() => {
    const read = () => setHeading(document.querySelector("main h1")?.textContent?.trim() || null);
    read();
    const observer = new MutationObserver(read);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const wide = window.matchMedia("(min-width: 64rem)");
    const onChange = () => wide.matches && close();
    wide.addEventListener("change", onChange);
    return () => wide.removeEventListener("change", onChange);
  }, []);

  const show = () => {
    const d = dialog.current;
    if (!d) return;
    d.showModal();
    setOpen(true);
    // Start on the page you are on, so the drawer opens where you are.
    d.querySelector<HTMLElement>('[aria-current="page"]')?.focus();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls="main-menu"
        data-testid="menu-button"
        className="flex w-full items-center gap-2 rounded-md border border-white/30 px-3 py-2 text-left text-sm font-medium text-white hover:bg-white/10"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5 shrink-0">
          <path fillRule="evenodd" d="M3 5.25a.75.75 0 0 1 .75-.75h12.5a.75.75 0 0 1 0 1.5H3.75A.75.75 0 0 1 3 5.25Zm0 4.75a.75.75 0 0 1 .75-.75h12.5a.75.75 0 0 1 0 1.5H3.75A.75.75 0 0 1 3 10Zm.75 4a.75.75 0 0 0 0 1.5h12.5a.75.75 0 0 0 0-1.5H3.75Z" clipRule="evenodd" />
        </svg>
        <span className="truncate">{current ? `${menuLabel} · ${current.label}` : heading ? `${menuLabel} · ${heading}` : menuLabel}</span>
      </button>
      <dialog
        ref={dialog}
        id="main-menu"
        aria-label={menuLabel}
        onClose={() => {
          setOpen(false);
          button.current?.focus();
        }}
        // A click on the backdrop lands on the dialog itself; inside the panel it lands on its content.
        onClick={(e) => e.target === dialog.current && close()}
        className="m-0 h-dvh max-h-none w-80 max-w-[85vw] bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex min-h-full flex-col">
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <p className="text-sm font-semibold text-slate-900">{menuLabel}</p>
            <button type="button" onClick={close} aria-label={closeLabel} className="flex h-9 w-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100">
              <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </button>
          </div>
          <div className="flex-1 overflow-y-auto p-3">
            <NavList items={items} label={navLabel} active={active} />
          </div>
          {children ? <div className="border-t border-slate-200 p-4">{children}</div> : null}
        </div>
      </dialog>
    </>
  );
}
