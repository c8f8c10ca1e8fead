/** The posts page's URL with these search params. */
export function postsHref(params: Record<string, string>): string {
  const s = new URLSearchParams(params).toString();
  return s ? `/posts?${s}` : "/posts";
}
