"use server";

import { updateServicesSettings } from "@/server/plan/mutations";
import { ZServicesSettings } from "@/domain/plan/services-settings";
import { formAction } from "@/features/action";

export const updateServicesSettingsAction = formAction({
  permission: "plan.updateServicesSettings",
  schema: ZServicesSettings,
  run: (input) => updateServicesSettings(input),
  revalidate: ["/dashboard/services", "/evaluations", "/spot-checks"],
  done: () => ({ ok: true, message: "saved" }),
});
