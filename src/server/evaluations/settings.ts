import "server-only";
import { prisma } from "@/server/db";

/** The city's minimum of scorers who are not recused, and its recusal window, for the pages. */
export async function getPanelMinimum(): Promise<number> {
  const plan = await prisma.planTarget.findUnique({ where: { id: "city" }, select: { evaluationMinScorers: true } });
  return plan?.evaluationMinScorers ?? 3;
}

export async function getRecusalYears(): Promise<number> {
  const plan = await prisma.planTarget.findUnique({ where: { id: "city" }, select: { recusalYears: true } });
  return plan?.recusalYears ?? 3;
}
