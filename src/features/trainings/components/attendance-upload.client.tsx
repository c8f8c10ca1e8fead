"use client";

import { useTranslations } from "next-intl";
import { uploadAttendanceImportAction } from "@/features/trainings/actions";
import { SelectField } from "@/components/ui/field";
import { IMPORT_LIMITS, ImportUploadForm } from "@/features/imports/components/import-upload.client";

/** Upload a filled-in attendance sheet (the city names the provider whose programmes it marks). */
export function AttendanceUpload({ providers }: { providers: { id: string; label: string }[] }) {
  const t = useTranslations("trainings.import");
  return (
    <ImportUploadForm
      action={uploadAttendanceImportAction}
      ns="trainings.import"
      labels={{ file: t("file"), hint: t("fileHint", IMPORT_LIMITS), submit: t("submit"), checking: t("checking") }}
      missingColumns={(d) => (d.columns ?? []).map((c) => t(`columns.${c as "reference"}`)).join("、")}
    >
      {providers.length ? (
        <SelectField label={t("provider")} name="providerId" required defaultValue="">
          <option value="">{t("chooseProvider")}</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
        </SelectField>
      ) : null}
    </ImportUploadForm>
  );
}
