"use server";

import { formAction } from "@/features/action";
import { scanCheck, scanUpload, textFields } from "@/features/review-queue";
import { closeContract, decideMilestone, reportMilestone } from "@/server/contracts/milestones";
import { decideDisbursement, requestDisbursement } from "@/server/contracts/disbursements";
import { replaceStaff } from "@/server/contracts/replace-staff";
import { ZCloseContract, ZDecideDisbursement, ZDecideMilestone, ZReplaceStaff, ZReportMilestone, ZRequestDisbursement } from "@/domain/contracts/schemas";

// The contract page's forms. Each server function checks the contract's scope itself.

const paths = (contractId: string) => ["/contracts", `/contracts/${contractId}`];
/** After a change the contract's page is shown again with its notice (the form that was used may be gone from it). */
const back = (contractId: string, notice: string) => ({ redirect: `/contracts/${contractId}?notice=${notice}` });

export const reportMilestoneAction = formAction({
  permission: "milestones.report",
  schema: ZReportMilestone,
  input: textFields,
  check: scanCheck,
  run: async (input, { formData }) => reportMilestone(input, await scanUpload(formData)),
  revalidate: (_, r) => paths(r.contractId),
  done: (r) => back(r.contractId, "reported"),
});

export const decideMilestoneAction = formAction({
  permission: "milestones.accept",
  schema: ZDecideMilestone,
  run: (input) => decideMilestone(input),
  revalidate: (_, r) => paths(r.contractId),
  done: (r) => back(r.contractId, "decided"),
});

export const requestDisbursementAction = formAction({
  permission: "disbursements.request",
  schema: ZRequestDisbursement,
  run: (input) => requestDisbursement(input),
  revalidate: (_, r) => [...paths(r.contractId), "/funds"],
  done: (r) => back(r.contractId, r.status === "PAID" ? "paidNow" : "waitingNow"),
});

export const decideDisbursementAction = formAction({
  permission: "disbursements.approve",
  schema: ZDecideDisbursement,
  run: (input) => decideDisbursement(input),
  revalidate: (_, r) => [...paths(r.contractId), "/funds"],
  done: (r) => back(r.contractId, "decided"),
});

export const replaceStaffAction = formAction({
  permission: "milestones.report",
  schema: ZReplaceStaff,
  run: (input) => replaceStaff(input),
  revalidate: (_, r) => paths(r.contractId),
  done: (r) => back(r.contractId, "replaced"),
});

export const closeContractAction = formAction({
  permission: "contracts.manage",
  schema: ZCloseContract,
  echo: false,
  run: (input) => closeContract(input),
  revalidate: (_, r) => [...paths(r.contractId), "/funds"],
  done: (r) => back(r.contractId, "closed"),
});
