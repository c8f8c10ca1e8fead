import { beforeAll, describe, expect, it } from "vitest";
import { as, codeOf } from "../helpers/integration";
import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { BLACKLISTED_DEMO_AGENCY } from "@/server/seed/demo-workforce";
import { submitProposal } from "@/server/service-calls/proposals";
import { listCalls, proposalFormFacts } from "@/server/service-calls/queries";
import { ZSubmitProposal } from "@/domain/service-calls/schemas";
import { countsTowardStaffing, readSnapshot } from "@/domain/service-calls/eligibility";
import { parseCallListFilter } from "@/domain/service-calls/list-filter";

// The demo city's calls (issue 13, part A): every stage before scoring, 示例市教育局's open call that
// dept@demo.local sees and agency@demo.local can still propose to, and the blacklisted agency
// INELIGIBLE at a close with its lines.
beforeAll(async () => {
  await seedDemoData(prisma);
}, 120_000);

const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });

describe("demo calls", () => {
  it("has calls in every stage (draft, open, closed, selected with contracts, cancelled), each with criteria weighing 100", async () => {
    const calls = await prisma.serviceCall.findMany({ select: { status: true, reference: true, criteria: { select: { weight: true } } } });
    expect(new Set(calls.map((c) => c.status))).toEqual(new Set(["DRAFT", "OPEN", "CLOSED", "SELECTED", "CANCELLED"]));
    for (const c of calls) {
      expect(c.reference).toMatch(/^FW-\d{4}-\d{4}$/);
      expect(c.criteria.reduce((n, k) => n + k.weight, 0)).toBe(100);
    }
  });

  it("the blacklisted agency's proposal to the closed call is INELIGIBLE, its snapshot failing the blacklist line only there; the other stays SUBMITTED and eligible", async () => {
    const closed = await prisma.serviceCall.findFirstOrThrow({ where: { status: "CLOSED", proposals: { some: { organization: { name: BLACKLISTED_DEMO_AGENCY } } } }, select: { proposals: { select: { status: true, eligibility: true, organization: { select: { name: true } } } } } });
    const blacklisted = closed.proposals.find((p) => p.organization.name === BLACKLISTED_DEMO_AGENCY)!;
    expect(blacklisted.status).toBe("INELIGIBLE");
    const snap = readSnapshot(blacklisted.eligibility)!;
    expect(snap.eligible).toBe(false);
    expect(snap.lines.find((l) => l.key === "notBlacklisted")?.ok).toBe(false);
    const others = closed.proposals.filter((p) => p.organization.name !== BLACKLISTED_DEMO_AGENCY);
    expect(others.length).toBeGreaterThan(0);
    for (const p of others) {
      expect(p.status).toBe("SUBMITTED");
      expect(readSnapshot(p.eligibility)?.eligible).toBe(true);
    }
    // Every submitted proposal of the demo passed its check (an ineligible agency cannot submit).
    const submitted = await prisma.proposal.findMany({ where: { status: "SUBMITTED" }, select: { eligibility: true } });
    for (const p of submitted) expect(readSnapshot(p.eligibility)?.eligible).toBe(true);
  });

  it("dept@demo.local sees 示例市教育局's open call, and agency@demo.local can still propose to it", async () => {
    const dept = await as(await user("dept@demo.local"));
    const seen = await listCalls(dept, parseCallListFilter({}), 1);
    const schools = seen.items.find((c) => c.title === "示例市中小学驻校社工服务项目");
    expect(schools?.status).toBe("OPEN");
    expect(seen.items.every((c) => c.department?.name === "示例市教育局")).toBe(true);

    const agency = await as(await user("agency@demo.local"));
    const facts = (await proposalFormFacts(agency))!;
    const counting = facts.facts.staff.filter((s) => countsTowardStaffing(s, facts.facts.agencyId, facts.today)).slice(0, 2);
    expect(counting).toHaveLength(2);
    const out = await submitProposal(ZSubmitProposal.parse({ callId: schools!.id, narrative: "驻校服务方案", lines: [{ item: "人员经费", amount: "600000" }], staffIds: counting.map((c) => c.id) }));
    expect(out.callId).toBe(schools!.id);
  });

  it("the blacklisted agency's administrator is refused at eligibility, nothing written", async () => {
    const mingde = await prisma.organization.findFirstOrThrow({ where: { name: BLACKLISTED_DEMO_AGENCY } });
    const admin = await prisma.user.create({ data: { email: "mingde-admin@test.local", name: "明德管理员", role: "AGENCY_ADMIN", organizationId: mingde.id } });
    await as(admin);
    const open = await prisma.serviceCall.findFirstOrThrow({ where: { title: "示例市中小学驻校社工服务项目" } });
    const before = await prisma.proposal.count();
    expect(await codeOf(submitProposal(ZSubmitProposal.parse({ callId: open.id, narrative: "方案", lines: [{ item: "人员经费", amount: "100" }], staffIds: [] })))).toBe("serviceCalls.errors.ineligible");
    expect(await prisma.proposal.count()).toBe(before);
  });
});
