"use client";

import { useTranslations } from "next-intl";
import { uploadImportAction } from "@/features/staff/actions";
import { IMPORT_LIMITS, ImportUploadForm } from "@/features/imports/components/import-upload.client";

/** Upload a filled-in template; the server validates every row and shows the preview. */
export function UploadForm() {
  const t = useTranslations("staff.import");
  const tp = useTranslations("practitioners.fields");
  return (
    <ImportUploadForm
      action={uploadImportAction}
      ns="staff.import"
      labels={{ file: t("upload.file"), hint: t("upload.hint", IMPORT_LIMITS), submit: t("upload.submit"), checking: t("upload.checking") }}
      missingColumns={(d) => (d.fields ?? []).map((f) => tp(f)).join("、")}
    />
  );
}
