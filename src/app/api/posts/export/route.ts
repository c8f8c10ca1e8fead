import { exportPosts } from "@/server/posts/export";
import { xlsxResponse } from "@/server/export/xlsx";
import { parsePostFilter } from "@/domain/posts/list-filter";

// GET /api/posts/export?<the posts list's params>: the list view, filtered, as Excel.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return xlsxResponse(() => exportPosts(parsePostFilter(new URL(request.url).searchParams)), "posts.xlsx");
}
