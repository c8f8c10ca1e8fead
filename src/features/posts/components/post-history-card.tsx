import { getFormatter, getTranslations } from "next-intl/server";
import type { TPostDetail } from "@/server/posts/queries";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge, Card } from "@/components/ui/card";
import { HistoryTable } from "@/components/ui/data-table";
import { AssignmentPerson } from "./assignment-person";

/** Every assignment the post has had, ended ones included. */
export async function PostHistoryCard({ post }: { post: TPostDetail }) {
  const [t, format] = await Promise.all([getTranslations("posts.detail"), getFormatter()]);
  const day = dayFormatter(format);
  return (
    <Card title={t("history")}>
      <HistoryTable
        caption={t("history")}
        none={t("noHistory")}
        columns={[{ label: t("name") }, { label: t("from"), className: "whitespace-nowrap" }, { label: t("to"), className: "whitespace-nowrap" }, { label: t("note"), className: "text-slate-700" }]}
        rows={post.assignments.map((a) => ({
          key: a.id,
          testId: "history-row",
          cells: [<AssignmentPerson key="person" assignment={a} />, day(a.from), a.to ? day(a.to) : <Badge tone="green">{t("ongoing")}</Badge>, a.note ?? "—"]
        }))}
      />
    </Card>
  );
}
