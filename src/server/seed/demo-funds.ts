import type { TTx } from "@/server/db";

// The demo city's special fund for this year (plan.md S2, S3): a training-subsidy line the
// training programmes draw on, a line for the purchase of services, lines for talent awards and
// support for new agencies, and a contributions line with an enterprise's contribution (which,
// as when the city records one, makes up the line's amount). Amounts in fen.

export const DEMO_FUND_NAME = "社会工作人才队伍建设专项资金";
export const DEMO_CONTRIBUTION = { donor: "示例市长江实业集团有限公司", amountFen: 20_000_000n, restrictions: "仅用于社区养老社会工作服务项目" } as const;

export async function seedDemoFunds(tx: TTx, { year }: { year: number }) {
  const fund = await tx.fund.create({ data: { year, name: DEMO_FUND_NAME } });
  const training = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "TRAINING_SUBSIDY", name: "培训补贴", amountFen: 80_000_000n } });
  const services = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "PURCHASED_SERVICES", name: "政府购买社会工作服务", amountFen: 500_000_000n } });
  const talent = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "TALENT_AWARDS", name: "社工人才奖励与补贴", amountFen: 30_000_000n } });
  const newAgencies = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "NEW_AGENCY_SUPPORT", name: "社工创办机构扶持", amountFen: 50_000_000n } });
  const contributions = await tx.budgetLine.create({ data: { fundId: fund.id, kind: "CONTRIBUTIONS", name: "企业和慈善组织捐赠", amountFen: DEMO_CONTRIBUTION.amountFen } });
  await tx.contribution.create({
    data: { lineId: contributions.id, source: "ENTERPRISE", donor: DEMO_CONTRIBUTION.donor, amountFen: DEMO_CONTRIBUTION.amountFen, restrictions: DEMO_CONTRIBUTION.restrictions, receivedOn: new Date(Date.UTC(year, 0, 2)) },
  });
  return { fund, training, services, talent, newAgencies, contributions };
}
