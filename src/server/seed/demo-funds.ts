import type { TTx } from "@/server/db";

// The demo city's special fund for this year (plan.md S2, S3): a training-subsidy line the
// training programmes draw on, and a line for the purchase of services. Amounts in fen.

export const DEMO_FUND_NAME = "社会工作人才队伍建设专项资金";

export async function seedDemoFunds(tx: TTx, { year }: { year: number }) {
  const fund = await tx.fund.create({ data: { year, name: DEMO_FUND_NAME } });
  const training = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amountFen: 80_000_000n } });
  const services = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "政府购买社会工作服务", amountFen: 500_000_000n } });
  return { fund, training, services };
}
