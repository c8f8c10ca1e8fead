import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { seedDemoData } from "@/server/seed/demo";
import { completeTraining } from "@/server/trainings/completion";
import { lockTraining } from "@/server/trainings/common";
import { availableOf, entryTotals } from "@/server/funds/ledger";
import { trainingStats } from "@/server/trainings/stats";
import { TRAINING_KINDS } from "@/domain/trainings/enums";
import { enrolmentSourceRef, isCurrentApproval } from "@/domain/trainings/rules";
import { todayInCity } from "@/domain/common/calendar-day";

// The demo city's training (issue 12 §1, item 6): two approved providers, programmes of every kind
// in every state, the money on the training-subsidy line as the ledger would have written it, and
// 李明's completed programme whose hours are the training line of his ledger.
beforeAll(async () => {
  await seedDemoData(prisma);
}, 120_000);

const today = todayInCity();

describe("demo training", () => {
  it("has two providers with an approval in force, and at least twelve programmes of every kind and state", async () => {
    const providers = await prisma.organization.findMany({ where: { kind: "TRAINING_PROVIDER" }, select: { providerApprovals: true } });
    expect(providers).toHaveLength(2);
    for (const p of providers) expect(p.providerApprovals.some((a) => isCurrentApproval(a, today))).toBe(true);
    const trainings = await prisma.training.findMany({ select: { kind: true, status: true, reference: true, capacity: true, _count: { select: { enrolments: { where: { status: "WAITLISTED" } } } } } });
    expect(trainings.length).toBeGreaterThanOrEqual(12);
    expect(new Set(trainings.map((t) => t.kind))).toEqual(new Set(TRAINING_KINDS));
    expect(new Set(trainings.map((t) => t.status))).toEqual(new Set(["DRAFT", "PUBLISHED", "CANCELLED", "CLOSED"]));
    for (const t of trainings) expect(t.reference).toMatch(/^PX-\d{4}-\d{4}$/);
    // One open programme is full, with a waiting list.
    const full = await prisma.training.findFirstOrThrow({ where: { status: "PUBLISHED", enrolments: { some: { status: "WAITLISTED" } } }, select: { capacity: true, enrolments: { select: { status: true, waitlistPosition: true } } } });
    expect(full.enrolments.filter((e) => e.status === "ENROLLED")).toHaveLength(full.capacity);
    expect(full.enrolments.filter((e) => e.status === "WAITLISTED").map((e) => e.waitlistPosition).sort()).toEqual([1, 2, 3]);
  });

  it("李明 completed a programme whose hours are the training line of his ledger, and is enrolled in an open one; his 60 hours stay", async () => {
    const me = await prisma.user.findUniqueOrThrow({ where: { email: "worker@demo.local" }, select: { practitionerId: true } });
    const enrolments = await prisma.trainingEnrolment.findMany({ where: { practitionerId: me.practitionerId! }, select: { id: true, status: true, training: { select: { cpdHalfHours: true, status: true } } } });
    const done = enrolments.find((e) => e.status === "COMPLETED")!;
    expect(done.training.status).toBe("CLOSED");
    expect(enrolments.some((e) => e.status === "ENROLLED" && e.training.status === "PUBLISHED")).toBe(true);
    const credit = await prisma.cpdEntry.findUniqueOrThrow({ where: { sourceRef: enrolmentSourceRef(done.id) } });
    expect(credit).toMatchObject({ practitionerId: me.practitionerId, kind: "TRAINING_PROGRAMME", status: "VERIFIED", halfHours: done.training.cpdHalfHours });
    const verified = await prisma.cpdEntry.aggregate({ where: { practitionerId: me.practitionerId!, status: "VERIFIED" }, _sum: { halfHours: true } });
    expect(verified._sum.halfHours).toBe(120);
  });

  it("the training-subsidy line holds exactly the promises of the places held and the payments of the completions", async () => {
    const line = await prisma.budgetLine.findFirstOrThrow({ where: { kind: "TRAINING_SUBSIDY" } });
    const places = await prisma.trainingEnrolment.findMany({ where: { training: { budgetLineId: line.id }, status: { in: ["ENROLLED", "COMPLETED"] } }, select: { status: true, training: { select: { subsidyFen: true } } } });
    const outstanding = places.filter((p) => p.status === "ENROLLED").reduce((n, p) => n + BigInt(p.training.subsidyFen), 0n);
    const spent = places.filter((p) => p.status === "COMPLETED").reduce((n, p) => n + BigInt(p.training.subsidyFen), 0n);
    const totals = await prisma.$transaction((tx) => entryTotals(tx, line.id));
    expect(totals.committedFen - totals.releasedFen).toBe(outstanding);
    expect(totals.spentFen).toBe(spent);
    expect(spent).toBeGreaterThan(0n);
    expect(await prisma.$transaction((tx) => availableOf(tx, line.id))).toBe(line.amountFen - outstanding - spent);
    // The dashboard's figures read the same money and the completions.
    // Back far enough for every demo programme (the rotation programme of four years ago included, demo-rotation.ts).
    const stats = await trainingStats({ from: new Date(today.getTime() - 2_000 * 86_400_000), to: today, scope: { kind: "city" } });
    expect(stats.subsidySpentFen).toBe(spent);
    expect(stats.completions).toBe(await prisma.trainingEnrolment.count({ where: { status: "COMPLETED" } }));
  });

  it("closing a demo programme again through the server changes nothing (the seed wrote the ledger's own formats)", async () => {
    const closed = await prisma.training.findMany({ where: { status: "CLOSED" }, select: { id: true } });
    const before = [await prisma.fundEntry.count(), await prisma.cpdEntry.count(), await prisma.notification.count()];
    for (const c of closed) {
      const r = await prisma.$transaction(async (tx) => completeTraining(tx, await lockTraining(tx, c.id), null));
      expect(r.completed).toEqual([]);
      expect(r.notCompleted).toEqual([]);
    }
    expect([await prisma.fundEntry.count(), await prisma.cpdEntry.count(), await prisma.notification.count()]).toEqual(before);
  });
});
