"use server";

import { formAction } from "@/features/action";
import { addPanelMember, createContract, declareConflict, removePanelMember, scoreProposal, selectProposal } from "@/server/scoring/mutations";
import { contractFormInput, scoreFormInput, ZAddPanelMember, ZCreateContract, ZDeclareConflict, ZRemovePanelMember, ZScoreProposal, ZSelectProposal } from "@/domain/scoring/schemas";

const callPaths = (callId: string) => [`/service-calls/${callId}`, `/service-calls/${callId}/panel`, `/service-calls/${callId}/score`, `/service-calls/${callId}/select`, "/scoring"];

export const addPanelMemberAction = formAction({
  permission: "serviceCalls.manage",
  schema: ZAddPanelMember,
  run: (input) => addPanelMember(input),
  revalidate: (input) => callPaths(input.callId),
  done: () => ({ ok: true, message: "saved" as const }),
});

export const removePanelMemberAction = formAction({
  permission: "serviceCalls.manage",
  schema: ZRemovePanelMember,
  run: (input) => removePanelMember(input),
  revalidate: (input) => callPaths(input.callId),
  done: () => ({ ok: true, message: "saved" as const }),
});

export const declareConflictAction = formAction({
  permission: "proposals.score",
  schema: ZDeclareConflict,
  run: (input) => declareConflict(input),
  revalidate: (input) => callPaths(input.callId),
  done: (_result, input) => ({ redirect: `/service-calls/${input.callId}/score?declared=1` }),
});

export const scoreProposalAction = formAction({
  permission: "proposals.score",
  schema: ZScoreProposal,
  input: scoreFormInput,
  run: (input) => scoreProposal(input),
  revalidate: (input) => callPaths(input.callId),
  done: () => ({ ok: true, message: "saved" as const }),
});

export const selectProposalAction = formAction({
  permission: "proposals.select",
  schema: ZSelectProposal,
  run: (input) => selectProposal(input),
  revalidate: (input) => [...callPaths(input.callId), "/calls", `/service-calls/${input.callId}/contract`],
  done: (_result, input) => ({ redirect: `/service-calls/${input.callId}/select?selected=1` }),
});

export const createContractAction = formAction({
  permission: "contracts.manage",
  schema: ZCreateContract,
  input: contractFormInput,
  run: (input) => createContract(input),
  revalidate: (input) => [...callPaths(input.callId), `/service-calls/${input.callId}/contract`, "/contracts", "/funds"],
  done: (contract) => ({ redirect: `/service-calls/${contract.callId}/contract?created=1` }),
});
