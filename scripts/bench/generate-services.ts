// Adds purchased services (issue 13) to a benchmark city made by generate-practitioners.ts, for the
// purchased-services dashboard's measurement (docs/benchmarks.md): 5,000 contracts with 50,000
// milestones, and everything around them, consistent with the funds ledger.
//
//   DATABASE_URL=postgresql://…/bench npx tsx scripts/bench/generate-services.ts [contracts=5000]
//
// What it writes (ids bench_sc_*, bench_ct_*, …), over the last three calendar years and this one:
//   - a fund a year ("基准测试购买服务资金") with a purchased-services line of 1.25 × the value of the
//     contracts that start that year;
//   - calls: one SELECTED call per contract, plus a fifth as many in the other stages (open,
//     closed, draft, cancelled); types, practice fields, districts and streets of the demo city,
//     commissioned by a government department (about 70 %) or the city itself; three weighted criteria each;
//   - proposals: three per selected call by distinct active agencies (one SELECTED, two NOT_SELECTED),
//     each with a budget line and two named staff of its agency; the contract names the winner's staff;
//   - contracts: ¥100,000–¥1,000,000 over twelve months, ten milestones each (amounts adding up to
//     the value exactly); a milestone past due is accepted (about 85 %), reported (5 %) or still
//     pending (10 %: a delay); a contract whose milestones are all accepted and paid is CLOSED;
//   - disbursements: an accepted milestone is PAID in full ten days after it was due (about 5 % of
//     the recent ones wait for a second approval, REQUESTED, and are not paid);
//   - the ledger: COMMITMENT contract:<id> of the value, and for each payment the RELEASE and
//     SPENDING the real code writes (contract:<id>:part:<milestone>:release|:spend).
// Rows go in with multi-row INSERTs (unnest of arrays). Running it twice adds nothing the second time.
import pg from "pg";
import { rng } from "../../src/server/seed/demo-practitioners";
import { todayInCity } from "@/domain/common/calendar-day";
import { cols, insert, push } from "./bulk-insert";

const DAY = 86_400_000;
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must be set");
const CONTRACTS = Number(process.argv[2] ?? 5000);
const MILESTONES = 10;
const today = todayInCity();
const r = rng(131313);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** An instant on day `d` (10:00 in the city), never in the future. */
const stamp = (d: Date, hours = 2) => new Date(Math.min(Date.now(), d.getTime() + hours * 3_600_000)).toISOString();


const TYPES = ["ELDER_CARE", "WELFARE_INSTITUTION", "COMMUNITY", "JUDICIAL_ASSISTANCE", "FAMILY_PLANNING", "BEHAVIOUR_CORRECTION", "OTHER"] as const;
const TYPE_TITLES: Record<(typeof TYPES)[number], string> = {
  ELDER_CARE: "养老机构社会工作服务项目",
  WELFARE_INSTITUTION: "儿童福利机构社会工作服务项目",
  COMMUNITY: "社区社会工作服务项目",
  JUDICIAL_ASSISTANCE: "司法援助社会工作服务项目",
  FAMILY_PLANNING: "计生特殊家庭社会工作服务项目",
  BEHAVIOUR_CORRECTION: "社区矫正社会工作服务项目",
  OTHER: "社会工作综合服务项目",
};
const FIELDS = ["PARTY_MASS", "SOCIAL_ORGANIZATIONS", "SCHOOLS", "HOSPITALS", "WELFARE_INSTITUTIONS", "CIVIL_AFFAIRS", "DISABILITY", "FAMILY_PLANNING", "MIGRANTS"] as const;
const OTHER_STAGES = ["OPEN", "CLOSED", "DRAFT", "CANCELLED"] as const;

async function main() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  const { rows: existing } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Contract" WHERE id LIKE 'bench_ct_%'`);
  if (Number(existing[0]!.n) > 0) {
    console.log("benchmark contracts exist already: nothing to do");
    await client.end();
    return;
  }
  const { rows: areas } = await client.query<{ id: string; path: string }>(`SELECT id, path FROM "Region" WHERE level IN ('DISTRICT', 'STREET') ORDER BY code`);
  const { rows: departments } = await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE kind = 'GOVERNMENT_DEPARTMENT' ORDER BY id`);
  const { rows: agencies } = await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE kind = 'AGENCY' AND "agencyStatus" = 'ACTIVE' ORDER BY id`);
  const { rows: staffRows } = await client.query<{ id: string; organizationId: string }>(
    `SELECT p.id, p."organizationId" FROM "Practitioner" p JOIN "Organization" o ON o.id = p."organizationId" WHERE o.kind = 'AGENCY' AND p.status = 'ACTIVE' ORDER BY p.id`,
  );
  const { rows: admins } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE role = 'CITY_ADMIN' ORDER BY email LIMIT 1`);
  if (areas.length === 0 || agencies.length < 3 || admins.length === 0) throw new Error("seed the demo city (and generate-practitioners.ts) first: regions, at least three active agencies and a city administrator are needed");
  const cityAdmin = admins[0]!.id;
  const staffOf = new Map<string, string[]>();
  for (const s of staffRows) staffOf.set(s.organizationId, [...(staffOf.get(s.organizationId) ?? []), s.id]);
  const thisYear = today.getUTCFullYear();
  const firstYear = thisYear - 3;
  const windowStart = Date.UTC(firstYear, 0, 1);
  const windowDays = Math.round((addDays(today, -30).getTime() - windowStart) / DAY);

  const SC = cols(["id", "reference", "title", "description", "type", "practiceField", "departmentId", "regionId", "regionPath", "budgetFen", "budgetLineId", "termStart", "termEnd", "minQualifiedStaff", "minQualifiedPercent", "deadline", "status", "publishedAt", "selectedProposalId", "selectionReason", "createdById", "createdAt", "updatedAt"]);
  const CR = cols(["id", "callId", "number", "name", "weight", "maxScore"]);
  const PR = cols(["id", "callId", "organizationId", "narrative", "totalFen", "status", "submittedAt", "updatedAt"]);
  const PB = cols(["id", "proposalId", "number", "item", "amountFen"]);
  const PS = cols(["id", "proposalId", "practitionerId"]);
  const CT = cols(["id", "reference", "callId", "organizationId", "valueFen", "termStart", "termEnd", "minQualifiedStaff", "minQualifiedPercent", "budgetLineId", "status", "closedOn", "createdById", "createdAt", "updatedAt"]);
  const CS = cols(["id", "contractId", "practitionerId", "from"]);
  const MS = cols(["id", "contractId", "number", "title", "deliverable", "dueDate", "amountFen", "status", "reportNote", "reportedAt", "reportedById", "decidedAt", "decidedById", "updatedAt"]);
  const DB = cols(["id", "milestoneId", "amountFen", "status", "requestedById", "approvedById", "decidedAt", "createdAt", "updatedAt"]);
  const FE = cols(["id", "lineId", "kind", "amountFen", "sourceRef", "note", "createdAt"]);
  const valueOfYear = new Map<number, bigint>();
  const lineOf = (y: number) => `bench_svc_line_${y}`;
  const refs = new Map<number, number>();
  const ref = (prefix: string, y: number) => {
    const n = (refs.get(y * 10 + (prefix === "FW" ? 1 : 2)) ?? 0) + 1;
    refs.set(y * 10 + (prefix === "FW" ? 1 : 2), n);
    return `${prefix}-${y}-B${String(n).padStart(5, "0")}`;
  };

  const newCall = (k: number, status: string, start: Date) => {
    const type = r.pick(TYPES);
    const area = r.pick(areas);
    const y = start.getUTCFullYear();
    const id = `bench_sc_${k}`;
    const deadline = addDays(start, -r.int(20, 45));
    push(SC, {
      id,
      reference: ref("FW", y),
      title: `${TYPE_TITLES[type]}（基准${k}）`,
      description: "基准测试生成的社工服务项目。",
      type,
      practiceField: r.pick(FIELDS),
      departmentId: departments.length && r.chance(0.7) ? r.pick(departments).id : null,
      regionId: area.id,
      regionPath: area.path,
      budgetFen: "0",
      budgetLineId: lineOf(Math.min(thisYear, y)),
      termStart: iso(start),
      termEnd: iso(addDays(start, 364)),
      minQualifiedStaff: 1,
      minQualifiedPercent: r.pick([0, 30, 50]),
      deadline: stamp(deadline, 9),
      status,
      publishedAt: status === "DRAFT" ? null : stamp(addDays(deadline, -30)),
      selectedProposalId: null,
      selectionReason: null,
      createdById: cityAdmin,
      createdAt: stamp(addDays(deadline, -35)),
      updatedAt: stamp(deadline),
    });
    for (let n = 1; n <= 3; n++) push(CR, { id: `${id}_c${n}`, callId: id, number: n, name: ["服务方案", "团队与人员", "预算合理性"][n - 1]!, weight: [50, 30, 20][n - 1]!, maxScore: 100 });
    return { id, row: SC.id!.length - 1 };
  };

  let k = 0;
  for (let c = 0; c < CONTRACTS; c++, k++) {
    const start = addDays(new Date(windowStart), r.int(0, windowDays));
    const y = start.getUTCFullYear();
    const value = BigInt(r.int(1_000, 10_000)) * 10_000n; // ¥100,000–¥1,000,000 in whole hundreds
    valueOfYear.set(y, (valueOfYear.get(y) ?? 0n) + value);
    const call = newCall(k, "SELECTED", start);
    SC.budgetFen![call.row] = String(value + BigInt(r.int(0, 20)) * 100_000n);
    // Three distinct agencies propose; the first is selected.
    const chosen = new Set<string>();
    while (chosen.size < 3) chosen.add(r.pick(agencies).id);
    const [winner, ...others] = [...chosen];
    const proposalIds: string[] = [];
    for (const [i, org] of [winner!, ...others].entries()) {
      const pid = `bench_pp_${k}_${i}`;
      proposalIds.push(pid);
      const total = i === 0 ? value : value + BigInt(r.int(-5, 15)) * 100_000n;
      push(PR, { id: pid, callId: call.id, organizationId: org, narrative: "服务方案（基准测试）", totalFen: String(total), status: i === 0 ? "SELECTED" : "NOT_SELECTED", submittedAt: SC.createdAt![call.row] as string, updatedAt: SC.deadline![call.row] as string });
      push(PB, { id: `${pid}_b1`, proposalId: pid, number: 1, item: "人员与服务费用", amountFen: String(total) });
      for (const s of (staffOf.get(org) ?? []).slice(0, 2)) push(PS, { id: `${pid}_${s}`, proposalId: pid, practitionerId: s });
    }
    SC.selectedProposalId![call.row] = proposalIds[0]!;
    SC.selectionReason![call.row] = "综合得分最高";

    const id = `bench_ct_${c}`;
    const signed = addDays(start, -r.int(3, 10));
    const line = lineOf(y);
    push(FE, { id: `bench_fe_${id}`, lineId: line, kind: "COMMITMENT", amountFen: String(value), sourceRef: `contract:${id}`, note: null, createdAt: stamp(signed) });
    for (const s of (staffOf.get(winner!) ?? []).slice(0, 2)) push(CS, { id: `${id}_${s}`, contractId: id, practitionerId: s, from: iso(start) });
    // Ten milestones, every 36 days over the year, the value split with the remainder on the last.
    const part = (value / BigInt(MILESTONES) / 100n) * 100n;
    let allPaid = true;
    for (let n = 1; n <= MILESTONES; n++) {
      const mid = `bench_ms_${c}_${n}`;
      const due = addDays(start, n * 36);
      const amount = n === MILESTONES ? value - part * BigInt(MILESTONES - 1) : part;
      let status = "PENDING";
      if (due.getTime() < today.getTime()) {
        const roll = r.next();
        status = roll < 0.85 ? "ACCEPTED" : roll < 0.9 ? "REPORTED" : "PENDING";
      }
      const reported = status !== "PENDING" ? addDays(due, -r.int(0, 5)) : null;
      const decided = status === "ACCEPTED" ? addDays(due, r.int(1, 9)) : null;
      push(MS, {
        id: mid,
        contractId: id,
        number: n,
        title: `第${n}期服务`,
        deliverable: "阶段服务报告与服务记录",
        dueDate: iso(due),
        amountFen: String(amount),
        status,
        reportNote: reported ? "按期完成本期服务。" : null,
        reportedAt: reported ? stamp(reported) : null,
        reportedById: null,
        decidedAt: decided ? stamp(decided) : null,
        decidedById: decided ? cityAdmin : null,
        updatedAt: stamp(decided ?? reported ?? signed),
      });
      if (status !== "ACCEPTED") {
        allPaid = false;
        continue;
      }
      const paidOn = addDays(due, 10);
      const waits = paidOn.getTime() > addDays(today, -60).getTime() && r.chance(0.05);
      push(DB, { id: `bench_db_${c}_${n}`, milestoneId: mid, amountFen: String(amount), status: waits ? "REQUESTED" : "PAID", requestedById: cityAdmin, approvedById: waits ? null : cityAdmin, decidedAt: waits ? null : stamp(paidOn), createdAt: stamp(decided!), updatedAt: stamp(waits ? decided! : paidOn) });
      if (waits) {
        allPaid = false;
        continue;
      }
      const base = `contract:${id}:part:${mid}`;
      push(FE, { id: `bench_fe_${mid}_r`, lineId: line, kind: "RELEASE", amountFen: String(amount), sourceRef: `${base}:release`, note: null, createdAt: stamp(paidOn) });
      push(FE, { id: `bench_fe_${mid}_s`, lineId: line, kind: "SPENDING", amountFen: String(amount), sourceRef: `${base}:spend`, note: null, createdAt: stamp(paidOn) });
    }
    const closed = allPaid;
    push(CT, {
      id,
      reference: ref("HT", y),
      callId: call.id,
      organizationId: winner!,
      valueFen: String(value),
      termStart: iso(start),
      termEnd: iso(addDays(start, 364)),
      minQualifiedStaff: 1,
      minQualifiedPercent: SC.minQualifiedPercent![call.row] as number,
      budgetLineId: line,
      status: closed ? "CLOSED" : "ACTIVE",
      closedOn: closed ? iso(addDays(start, 364 + 15)) : null,
      createdById: cityAdmin,
      createdAt: stamp(signed),
      updatedAt: stamp(signed),
    });
  }
  // Calls in the other stages: a fifth as many again, the open ones with a deadline ahead.
  for (let c = 0; c < Math.round(CONTRACTS / 5); c++, k++) {
    const status = r.pick(OTHER_STAGES);
    const start = status === "OPEN" || status === "DRAFT" ? addDays(today, r.int(40, 120)) : addDays(new Date(windowStart), r.int(0, windowDays));
    const call = newCall(k, status, start);
    SC.budgetFen![call.row] = String(BigInt(r.int(1_000, 10_000)) * 10_000n);
    if (status === "OPEN") SC.deadline![call.row] = new Date(addDays(today, r.int(5, 30)).getTime() + 9 * 3_600_000).toISOString();
  }

  await client.query("BEGIN");
  for (let y = firstYear; y <= thisYear; y++) {
    const fundId = `bench_svc_fund_${y}`;
    await client.query(`INSERT INTO "Fund" (id, year, name, "updatedAt") VALUES ($1, $2, '基准测试购买服务资金', now()) ON CONFLICT DO NOTHING`, [fundId, y]);
    const amount = ((valueOfYear.get(y) ?? 0n) * 5n) / 4n + 100_000_000n;
    await client.query(`INSERT INTO "BudgetLine" (id, "fundId", kind, name, "amountFen", "updatedAt") VALUES ($1, $2, 'PURCHASED_SERVICES', '政府购买社会工作服务', $3, now()) ON CONFLICT DO NOTHING`, [lineOf(y), fundId, String(amount)]);
  }
  await insert(client, "ServiceCall", SC, { type: '"ServiceProjectType"', practiceField: '"PracticeField"', budgetFen: "bigint", termStart: "date", termEnd: "date", minQualifiedStaff: "int", minQualifiedPercent: "int", deadline: "timestamp", status: '"ServiceCallStatus"', publishedAt: "timestamp", createdAt: "timestamp", updatedAt: "timestamp" });
  await client.query(`UPDATE "ServiceCall" SET "targetGroups" = ARRAY['ELDERLY', 'FAMILIES']::"TargetGroup"[] WHERE id LIKE 'bench_sc_%'`);
  await insert(client, "CallCriterion", CR, { number: "int", weight: "int", maxScore: "int" });
  await insert(client, "Proposal", PR, { totalFen: "bigint", status: '"ProposalStatus"', submittedAt: "timestamp", updatedAt: "timestamp" });
  await insert(client, "ProposalBudgetLine", PB, { number: "int", amountFen: "bigint" });
  await insert(client, "ProposalStaff", PS, {});
  await insert(client, "Contract", CT, { valueFen: "bigint", termStart: "date", termEnd: "date", minQualifiedStaff: "int", minQualifiedPercent: "int", status: '"ContractStatus"', closedOn: "date", createdAt: "timestamp", updatedAt: "timestamp" });
  await insert(client, "ContractStaff", CS, { from: "date" });
  await insert(client, "Milestone", MS, { number: "int", dueDate: "date", amountFen: "bigint", status: '"MilestoneStatus"', reportedAt: "timestamp", decidedAt: "timestamp", updatedAt: "timestamp" });
  await insert(client, "Disbursement", DB, { amountFen: "bigint", status: '"DisbursementStatus"', decidedAt: "timestamp", createdAt: "timestamp", updatedAt: "timestamp" });
  await insert(client, "FundEntry", FE, { kind: '"FundEntryKind"', amountFen: "bigint", createdAt: "timestamp" });
  await client.query("COMMIT");
  await client.query("ANALYZE");
  console.log(
    `purchased services: ${SC.id!.length} calls, ${PR.id!.length} proposals, ${CT.id!.length} contracts, ${MS.id!.length} milestones, ${DB.id!.length} disbursements, ${FE.id!.length} fund entries in ${Math.round(performance.now() - t0)} ms`,
  );
  await client.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
