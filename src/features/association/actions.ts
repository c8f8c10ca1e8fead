"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addMember, changeMemberStatus } from "@/server/association/mutations";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";
import { ZAddMember, ZChangeMemberStatus } from "@/domain/association/schemas";

export async function addMemberAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZAddMember.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let memberNumber: string;
  try {
    memberNumber = (await addMember(parsed.data)).memberNumber;
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/association");
  redirect(`/association?tab=${parsed.data.memberType === "AGENCY" ? "agencies" : "practitioners"}&added=${encodeURIComponent(memberNumber)}`);
}

/** Only the association list itself is a valid place to return to. */
function safeBack(value: FormDataEntryValue | null): string {
  const back = typeof value === "string" ? value : "";
  return /^\/association(\?[^#\\]*)?$/.test(back) ? back : "/association";
}

export async function changeMemberStatusAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZChangeMemberStatus.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let done: { memberNumber: string; status: string };
  try {
    done = await changeMemberStatus(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/association");
  const back = safeBack(formData.get("back"));
  redirect(`${back}${back.includes("?") ? "&" : "?"}changed=${encodeURIComponent(done.memberNumber)}&to=${done.status}`);
}
