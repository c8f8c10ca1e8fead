"use server";

import { updatePlanTarget, updateQualificationSettings, updateTrainingSettings } from "@/server/plan/mutations";
import { ZTrainingSettings } from "@/domain/plan/training-settings";
import { ZQualificationSettings } from "@/domain/registrations/schemas";
import { formAction } from "@/features/action";
import { ZPlanTarget } from "@/domain/plan/schemas";

export const updatePlanTargetAction = formAction({
  permission: "plan.updateTarget",
  schema: ZPlanTarget,
  run: (input) => updatePlanTarget(input),
  revalidate: ["/dashboard/growth"],
  done: () => ({ ok: true, message: "saved" }),
});

export const updateQualificationSettingsAction = formAction({
  permission: "plan.updateQualificationSettings",
  schema: ZQualificationSettings,
  run: (input) => updateQualificationSettings(input),
  revalidate: ["/dashboard/growth"],
  done: () => ({ ok: true, message: "saved" }),
});

export const updateTrainingSettingsAction = formAction({
  permission: "plan.updateTrainingSettings",
  schema: ZTrainingSettings,
  run: (input) => updateTrainingSettings(input),
  revalidate: ["/dashboard/growth", "/supervision"],
  done: () => ({ ok: true, message: "saved" }),
});
