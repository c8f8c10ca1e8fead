"use server";

import { approveSupervisor, confirmSession, disputeSession, endSupervision, logSession, startSupervision, withdrawSupervisorApproval } from "@/server/supervision/mutations";
import { formAction } from "@/features/action";
import { ZApproveSupervisor, ZConfirmSession, ZDisputeSession, ZEndSupervision, ZLogSession, ZStartSupervision, ZWithdrawSupervisorApproval } from "@/domain/supervision/schemas";

/** Only the supervision list itself is a valid place to return to. */
function safeBack(value: FormDataEntryValue | null): string {
  const back = typeof value === "string" ? value : "";
  return /^\/supervision(\?[^#\\]*)?$/.test(back) ? back : "/supervision";
}
const withParam = (url: string, param: string) => `${url}${url.includes("?") ? "&" : "?"}${param}`;

export const startSupervisionAction = formAction({
  permission: "supervision.manage",
  schema: ZStartSupervision,
  run: (input) => startSupervision(input),
  revalidate: ["/supervision", "/me/supervision"],
  done: (pair) => ({ redirect: `/supervision?started=${encodeURIComponent(pair.id)}` }),
});

export const endSupervisionAction = formAction({
  permission: "supervision.manage",
  schema: ZEndSupervision,
  run: (input) => endSupervision(input),
  revalidate: ["/supervision", "/me/supervision"],
  done: (pair, _, { formData }) => ({ redirect: withParam(safeBack(formData.get("back")), `ended=${encodeURIComponent(pair.id)}`) }),
});

export const approveSupervisorAction = formAction({
  permission: "supervision.approveSupervisor",
  schema: ZApproveSupervisor,
  run: (input) => approveSupervisor(input),
  revalidate: ["/supervision", "/supervision/new"],
  done: () => ({ redirect: "/supervision?approved=1" }),
});

export const withdrawSupervisorApprovalAction = formAction({
  permission: "supervision.approveSupervisor",
  schema: ZWithdrawSupervisorApproval,
  run: (input) => withdrawSupervisorApproval(input),
  revalidate: ["/supervision", "/supervision/new", "/supervision/approve"],
  done: () => ({ redirect: "/supervision/approve?withdrawn=1" }),
});

export const logSessionAction = formAction({
  permission: "supervision.log",
  schema: ZLogSession,
  run: (input) => logSession(input),
  revalidate: ["/me/supervision", "/supervision"],
  done: () => ({ redirect: "/me/supervision?logged=1#given" }),
});

export const confirmSessionAction = formAction({
  permission: "supervision.confirm",
  schema: ZConfirmSession,
  run: (input) => confirmSession(input),
  revalidate: ["/me/supervision", "/me", "/supervision"],
  done: () => ({ redirect: "/me/supervision?confirmed=1" }),
});

export const disputeSessionAction = formAction({
  permission: "supervision.confirm",
  schema: ZDisputeSession,
  run: (input) => disputeSession(input),
  revalidate: ["/me/supervision", "/supervision"],
  done: () => ({ redirect: "/me/supervision?disputed=1" }),
});
