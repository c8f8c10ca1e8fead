import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/env";
import { prisma, type TTx } from "@/server/db";

export type TEmail = { to: string; subject: string; body: string };

/**
 * Puts an e-mail in the outbox inside the caller's transaction. Without SMTP_URL it stays
 * there (STORED) for the city administrator to read; with it, deliver() sends it after commit.
 */
export async function enqueueEmail(tx: TTx, email: TEmail): Promise<string> {
  const row = await tx.outboxEmail.create({
    data: { ...email, status: env.SMTP_URL ? "QUEUED" : "STORED" },
    select: { id: true },
  });
  return row.id;
}

let transport: nodemailer.Transporter | null = null;

export async function deliver(id: string): Promise<void> {
  if (!env.SMTP_URL) return;
  const email = await prisma.outboxEmail.findUnique({ where: { id }, select: { to: true, subject: true, body: true, status: true } });
  if (!email || email.status !== "QUEUED") return;
  try {
    transport ??= nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.body });
    await prisma.outboxEmail.update({ where: { id }, data: { status: "SENT", sentAt: new Date() } });
  } catch (error) {
    await prisma.outboxEmail.update({ where: { id }, data: { status: "FAILED", error: String(error).slice(0, 1000) } });
  }
}
