import { getTranslations } from "next-intl/server";
import { deleteSittingAction } from "@/features/exams/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Delete a sitting, after a confirmation naming it; then back to the list it was on. */
export async function DeleteSittingButton({ sitting, back }: { sitting: { id: string; name: string; year: number; level: string }; back: string }) {
  const t = await getTranslations("exams.delete");
  return (
    <ConfirmAction
      action={deleteSittingAction}
      extraNamespaces={["exams.errors"]}
      fields={{ id: sitting.id, back }}
      label={t("label")}
      title={t("title")}
      body={t("body", { name: sitting.name, year: sitting.year, level: sitting.level })}
      confirmLabel={t("confirm")}
      variant="danger"
    />
  );
}
