"use server";

import { cancelCall, closeCall, createCall, publishCall, updateCall } from "@/server/service-calls/calls";
import { EligibilityRefusal, submitProposal, withdrawProposal } from "@/server/service-calls/proposals";
import { formAction } from "@/features/action";
import type { TActionState } from "@/domain/common/action-state";
import type { TEligibilityLine } from "@/domain/service-calls/eligibility";
import { ZCallRef, ZCreateCall, ZProposalRef, ZSubmitProposal, ZUpdateCall } from "@/domain/service-calls/schemas";

// Server actions of calls and proposals (issue 13 §1): thin, through the one pipeline (src/features/action.ts).

const strings = (fd: FormData, key: string) => fd.getAll(key).filter((v): v is string => typeof v === "string");

/** The call form's entries: its rows of criteria zipped into objects, the target groups as a list. */
function callInput(fd: FormData) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of fd.entries()) if (typeof value === "string") out[key] = value;
  const names = strings(fd, "criterionName");
  const weights = strings(fd, "criterionWeight");
  const maxes = strings(fd, "criterionMax");
  out.criteria = names.map((name, i) => ({ name, weight: weights[i] ?? "", maxScore: maxes[i] ?? "" }));
  out.targetGroups = strings(fd, "targetGroups");
  return out;
}

/** The proposal form's entries: budget rows zipped, named staff as a list. */
function proposalInput(fd: FormData) {
  const items = strings(fd, "lineItem");
  const amounts = strings(fd, "lineAmount");
  return {
    callId: fd.get("callId"),
    narrative: fd.get("narrative"),
    lines: items.map((item, i) => ({ item, amount: amounts[i] ?? "" })).filter((l, i) => i === 0 || l.item.trim() || l.amount.trim()),
    staffIds: strings(fd, "staffIds"),
  };
}

/** A proposal's state: the eligibility lines when the check refused it. */
export type TProposalState = TActionState & { lines?: TEligibilityLine[] };

export const createCallAction = formAction({
  permission: "serviceCalls.manage",
  schema: ZCreateCall,
  input: callInput,
  run: (input) => createCall(input),
  revalidate: ["/service-calls"],
  done: (c) => ({ redirect: `/service-calls/${c.id}?created=1` }),
});

export const updateCallAction = formAction({
  permission: "serviceCalls.manage",
  schema: ZUpdateCall,
  input: callInput,
  run: (input) => updateCall(input),
  revalidate: (input) => ["/service-calls", `/service-calls/${input.id}`],
  done: (_, input) => ({ redirect: `/service-calls/${input.id}?saved=1` }),
});

export const publishCallAction = formAction({
  permission: "serviceCalls.manage",
  schema: ZCallRef,
  invalid: "notFound",
  run: (input) => publishCall(input),
  revalidate: (input) => ["/service-calls", `/service-calls/${input.id}`, "/public/calls"],
  done: (_, input) => ({ redirect: `/service-calls/${input.id}?published=1` }),
});

export const cancelCallAction = formAction({
  permission: "serviceCalls.manage",
  schema: ZCallRef,
  invalid: "notFound",
  run: (input) => cancelCall(input),
  revalidate: (input) => ["/service-calls", `/service-calls/${input.id}`, "/public/calls"],
  done: (_, input) => ({ redirect: `/service-calls/${input.id}?cancelled=1` }),
});

export const closeCallAction = formAction({
  permission: "serviceCalls.manage",
  schema: ZCallRef,
  invalid: "notFound",
  run: (input) => closeCall(input),
  revalidate: (input) => ["/service-calls", `/service-calls/${input.id}`, "/public/calls"],
  done: (r, input) => ({ redirect: `/service-calls/${input.id}?closed=${r.proposals}-${r.ineligible}` }),
});

export const submitProposalAction = formAction<typeof ZSubmitProposal, Awaited<ReturnType<typeof submitProposal>>, TProposalState>({
  permission: "proposals.submit",
  schema: ZSubmitProposal,
  input: proposalInput,
  run: (input) => submitProposal(input),
  fail: (error, values) => (error instanceof EligibilityRefusal ? { ok: false, error: "serviceCalls.errors.ineligible", lines: error.lines, values } : undefined),
  revalidate: (_, r) => ["/service-calls", `/service-calls/${r.callId}`],
  done: (r) => ({ redirect: `/service-calls/${r.callId}?submitted=1` }),
});

export const withdrawProposalAction = formAction({
  permission: "proposals.submit",
  schema: ZProposalRef,
  invalid: "notFound",
  run: (input) => withdrawProposal(input),
  revalidate: (_, r) => ["/service-calls", `/service-calls/${r.callId}`],
  done: (r) => ({ redirect: `/service-calls/${r.callId}?withdrawn=1` }),
});
