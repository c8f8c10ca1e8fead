"use server";

import { addMember, changeMemberStatus } from "@/server/association/mutations";
import { formAction } from "@/features/action";
import { ZAddMember, ZChangeMemberStatus } from "@/domain/association/schemas";

export const addMemberAction = formAction({
  permission: "association.manage",
  schema: ZAddMember,
  run: (input) => addMember(input),
  revalidate: ["/association"],
  done: ({ memberNumber }, input) => ({
    redirect: `/association?tab=${input.memberType === "AGENCY" ? "agencies" : "practitioners"}&added=${encodeURIComponent(memberNumber)}`,
  }),
});

/** Only the association list itself is a valid place to return to. */
function safeBack(value: FormDataEntryValue | null): string {
  const back = typeof value === "string" ? value : "";
  return /^\/association(\?[^#\\]*)?$/.test(back) ? back : "/association";
}

export const changeMemberStatusAction = formAction({
  permission: "association.manage",
  schema: ZChangeMemberStatus,
  run: (input) => changeMemberStatus(input),
  revalidate: ["/association"],
  done: (changed, _, { formData }) => {
    const back = safeBack(formData.get("back"));
    return { redirect: `${back}${back.includes("?") ? "&" : "?"}changed=${encodeURIComponent(changed.memberNumber)}&to=${changed.status}` };
  },
});
