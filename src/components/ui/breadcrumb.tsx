import Link from "next/link";

/** The way back to the list or record a page belongs to, above its page header. */
export function Breadcrumb({ label, href, children, className = "mb-2 text-sm" }: { label: string; href: string; children: string; className?: string }) {
  return (
    <nav aria-label={label} className={className}>
      <Link href={href} className="text-brand-700 hover:underline">
        {children}
      </Link>
    </nav>
  );
}
