import "server-only";
import { prisma } from "@/server/db";
import { authorize } from "@/server/auth/session";
import { fundScope } from "@/server/authz/scope";
import { moneyBreakdown, namesOf, ofFund } from "@/server/services-dashboard/money";
import { availableFen, outstandingFen, usedPercent, type TLineTotals } from "@/domain/funds/rules";

export type TLineSummary = TLineTotals & { id: string; kind: string; name: string; version: number; outstandingFen: bigint; availableFen: bigint; usedPercent: number };

/** Totals of many lines in one query: line id → sums by kind. */
async function totalsByLine(lineIds: string[]) {
  const rows = lineIds.length ? await prisma.fundEntry.groupBy({ by: ["lineId", "kind"], where: { lineId: { in: lineIds } }, _sum: { amountFen: true } }) : [];
  return (lineId: string, kind: "COMMITMENT" | "RELEASE" | "SPENDING") => rows.find((r) => r.lineId === lineId && r.kind === kind)?._sum.amountFen ?? 0n;
}

function summarise(line: { id: string; kind: string; name: string; version: number; amountFen: bigint }, of: Awaited<ReturnType<typeof totalsByLine>>): TLineSummary {
  const totals: TLineTotals = { amountFen: line.amountFen, committedFen: of(line.id, "COMMITMENT"), releasedFen: of(line.id, "RELEASE"), spentFen: of(line.id, "SPENDING") };
  return { ...line, ...totals, outstandingFen: outstandingFen(totals), availableFen: availableFen(totals), usedPercent: usedPercent(totals) };
}

/** Every fund the caller may see, newest year first, with its lines' money. */
export async function listFunds() {
  const actor = await authorize("funds.read");
  const funds = await prisma.fund.findMany({
    where: fundScope(actor, "funds.read"),
    orderBy: [{ year: "desc" }, { name: "asc" }],
    select: { id: true, year: true, name: true, lines: { orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, kind: true, name: true, version: true, amountFen: true } } },
  });
  const of = await totalsByLine(funds.flatMap((f) => f.lines.map((l) => l.id)));
  return funds.map((f) => ({ ...f, lines: f.lines.map((l) => summarise(l, of)) }));
}

const PAGE = 50;

/** One fund with its lines and the latest movements of each (newest first, paged). */
export async function getFund(id: string, page = 1) {
  const actor = await authorize("funds.read");
  const fund = await prisma.fund.findFirst({
    where: { AND: [fundScope(actor, "funds.read"), { id }] },
    select: { id: true, year: true, name: true, lines: { orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, kind: true, name: true, version: true, amountFen: true } } },
  });
  if (!fund) return null;
  const of = await totalsByLine(fund.lines.map((l) => l.id));
  const where = { lineId: { in: fund.lines.map((l) => l.id) } };
  const [entries, total] = await Promise.all([
    prisma.fundEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE, take: PAGE, select: { id: true, lineId: true, kind: true, amountFen: true, note: true, sourceRef: true, createdAt: true } }),
    prisma.fundEntry.count({ where }),
  ]);
  return { ...fund, lines: fund.lines.map((l) => summarise(l, of)), entries, total, page, pageSize: PAGE };
}

/** The training-subsidy lines a programme may draw on (for the programme form). */
export async function trainingSubsidyLines() {
  const lines = await prisma.budgetLine.findMany({ where: { kind: "TRAINING_SUBSIDY" }, orderBy: [{ fund: { year: "desc" } }, { name: "asc" }], select: { id: true, kind: true, name: true, version: true, amountFen: true, fund: { select: { year: true, name: true } } } });
  const of = await totalsByLine(lines.map((l) => l.id));
  return lines.map((l) => ({ ...summarise(l, of), fund: l.fund }));
}

/**
 * The training-subsidy lines of the funds of years `fromYear`–`toYear`, with their money (the
 * training dashboard's "subsidy against its line"). Read without a permission of its own: the
 * caller has checked dashboard.training.read, whose readers see the lines their subsidy draws on.
 */
export async function trainingSubsidyLinesOfYears(fromYear: number, toYear: number) {
  const lines = await prisma.budgetLine.findMany({
    where: { kind: "TRAINING_SUBSIDY", fund: { year: { gte: fromYear, lte: toYear } } },
    orderBy: [{ fund: { year: "asc" } }, { fund: { name: "asc" } }, { name: "asc" }],
    select: { id: true, kind: true, name: true, version: true, amountFen: true, fund: { select: { year: true, name: true } } },
  });
  const of = await totalsByLine(lines.map((l) => l.id));
  return lines.map((l) => ({ ...summarise(l, of), fund: l.fund }));
}
export type TSubsidyLine = Awaited<ReturnType<typeof trainingSubsidyLinesOfYears>>[number];

/**
 * Every line of the funds of `year`, with its money (the purchased-services dashboard's "the fund's
 * lines"). Read without a permission of its own: the caller has checked dashboard.services.read,
 * whose readers see the fund's totals (not its movements).
 */
export async function linesOfYear(year: number) {
  const lines = await prisma.budgetLine.findMany({
    where: { fund: { year } },
    orderBy: [{ fund: { name: "asc" } }, { kind: "asc" }, { name: "asc" }],
    select: { id: true, kind: true, name: true, version: true, amountFen: true, fund: { select: { id: true, year: true, name: true } } },
  });
  const of = await totalsByLine(lines.map((l) => l.id));
  return lines.map((l) => ({ ...summarise(l, of), fund: l.fund }));
}
export type TYearLine = Awaited<ReturnType<typeof linesOfYear>>[number];

/** A fund's contract money by district, project type and month (and the rest of the breakdown); funds.read. */
export async function getFundBreakdown(fundId: string) {
  const actor = await authorize("funds.read");
  const fund = await prisma.fund.findFirst({ where: { AND: [fundScope(actor, "funds.read"), { id: fundId }] }, select: { id: true } });
  if (!fund) return null;
  const money = await moneyBreakdown(ofFund(fund.id));
  return { money, names: await namesOf(money) };
}
