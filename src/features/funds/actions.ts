"use server";

import { addBudgetLine, createFund, setLineAmount } from "@/server/funds/mutations";
import { formAction } from "@/features/action";
import { recordContribution } from "@/server/funds/contributions";
import { ZAddBudgetLine, ZCreateFund, ZRecordContribution, ZSetLineAmount } from "@/domain/funds/schemas";

export const createFundAction = formAction({
  permission: "funds.manage",
  schema: ZCreateFund,
  run: (input) => createFund(input),
  revalidate: ["/funds"],
  done: (fund) => ({ redirect: `/funds/${fund.id}?created=1` }),
});

export const addBudgetLineAction = formAction({
  permission: "funds.manage",
  schema: ZAddBudgetLine,
  run: (input) => addBudgetLine(input),
  revalidate: (input) => ["/funds", `/funds/${input.fundId}`],
  done: () => ({ ok: true, message: "created" as const }),
});

export const setLineAmountAction = formAction({
  permission: "funds.manage",
  schema: ZSetLineAmount,
  run: (input) => setLineAmount(input),
  revalidate: ["/funds"],
  done: () => ({ ok: true, message: "saved" as const }),
});

export const recordContributionAction = formAction({
  permission: "contributions.manage",
  schema: ZRecordContribution,
  run: (input) => recordContribution(input),
  revalidate: (_input, c) => ["/funds", `/funds/${c.fundId}`, "/dashboard/services"],
  done: () => ({ ok: true, message: "created" as const }),
});
