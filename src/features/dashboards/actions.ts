"use server";

import { updatePlanTarget } from "@/server/plan/mutations";
import { formAction } from "@/features/action";
import { ZPlanTarget } from "@/domain/plan/schemas";

export const updatePlanTargetAction = formAction({
  permission: "plan.updateTarget",
  schema: ZPlanTarget,
  run: (input) => updatePlanTarget(input),
  revalidate: ["/dashboard/growth"],
  done: () => ({ ok: true, message: "saved" }),
});
