"use client";

import { useTranslations } from "next-intl";
import { uploadExamImportAction } from "@/features/exams/actions";
import { IMPORT_LIMITS, ImportUploadForm } from "@/features/imports/components/import-upload.client";

/** Upload a filled-in sheet of exam sittings (checked on the server, then previewed). */
export function ExamUpload() {
  const t = useTranslations("exams.import");
  return (
    <ImportUploadForm
      action={uploadExamImportAction}
      ns="exams.import"
      labels={{ file: t("file"), hint: t("fileHint", IMPORT_LIMITS), submit: t("submit"), checking: t("checking") }}
      missingColumns={(d) => (d.columns ?? []).map((c) => t(`columns.${c as "idNumber"}`)).join(t("listSeparator"))}
    />
  );
}
