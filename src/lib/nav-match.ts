/**
 * The navigation entry a path belongs to: the longest href that is the path or a parent of it,
 * so /agencies/applications/x marks "applications" and not also "agencies".
 */
export function activeHref(pathname: string, hrefs: readonly string[]): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    const matches = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (matches && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
