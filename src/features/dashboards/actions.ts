"use server";

import { revalidatePath } from "next/cache";
import { updatePlanTarget } from "@/server/plan/mutations";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";
import { ZPlanTarget } from "@/domain/plan/schemas";

export async function updatePlanTargetAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZPlanTarget.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await updatePlanTarget(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/dashboard/growth");
  return { ok: true, message: "saved" };
}
