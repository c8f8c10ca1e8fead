import Link from "next/link";
import { BrandMark, BrandTitle } from "@/components/brand";
import { LanguageSwitcher } from "./language-switcher";

/**
 * The header of every page outside the portal's shell (sign-in, the public pages, a 404 or 403
 * outside any shell): the brand, a link home when given, and the language switch. On a narrow
 * screen the switch moves under the brand as a whole instead of squeezing its buttons.
 */
export function SignedOutHeader({ href }: { href?: string }) {
  const brand = (
    <>
      <BrandMark />
      <BrandTitle />
    </>
  );
  return (
    <header className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4 sm:px-6" data-testid="signed-out-header">
      {href ? (
        <Link href={href} className="flex items-center gap-3 rounded text-brand-800">
          {brand}
        </Link>
      ) : (
        <div className="flex items-center gap-3 text-brand-800">{brand}</div>
      )}
      <LanguageSwitcher />
    </header>
  );
}
