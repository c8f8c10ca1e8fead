// The demo city's supervision (plan.md T7): eligible supervisors (one approved by the city),
// pairs in Dongcheng and another district (one ended), monthly sessions confirmed by their
// supervisees and credited to both ledgers, a few waiting for confirmation (one for longer than
// the reminder's 14 days) and one disputed. 李明 (worker@demo.local) is supervised: the supervision
// hours already in his ledger become confirmed sessions of his pair (the same hours, so his "60 of
// 90" stays), and one recent session waits for his confirmation. Deterministic: people are chosen
// by id among those the rules allow; dates are relative to today.
import type { Prisma } from "@/generated/prisma/client";
import { addYears } from "@/domain/common/calendar-day";
import { LEVEL_RANK } from "@/domain/practitioners/qualification";

type TDb = Prisma.TransactionClient;

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const CERTS = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;
const TOPICS = ["个案工作中的边界与自我照顾", "困境儿童家庭评估与服务计划", "老年人社区照护个案复盘", "小组工作方案设计与带领技巧", "危机干预流程与转介", "社区需求调研方法", "服务记录与成效评估", "专业伦理难题讨论"];

export async function seedDemoSupervision(tx: TDb, opts: { today: Date; workerId: string; dongchengPath: string; cityAdminId: string }) {
  const { today, workerId, dongchengPath } = opts;
  const now = new Date();
  const clampPast = (d: Date) => (d.getTime() > now.getTime() ? now : d);
  const people = await tx.practitioner.findMany({
    where: { status: "ACTIVE" },
    orderBy: { id: "asc" },
    select: { id: true, name: true, regionPath: true, qualificationLevel: true, talentTrack: true, registrationEnd: true, credentials: { where: { status: "VERIFIED", kind: { in: [...CERTS] } }, orderBy: { issueDate: "asc" }, take: 1, select: { issueDate: true } } },
  });
  const districtOf = (p: { regionPath: string | null }) => p.regionPath?.split("/").filter(Boolean)[1] ?? "";
  const dongcheng = dongchengPath.split("/").filter(Boolean)[1]!;
  // Supervisors' own ledgers grow too: only people whose registration is not near its end, so the
  // renewal figures of the demo stay as they are.
  const settled = (p: (typeof people)[number]) => !p.registrationEnd || p.registrationEnd.getTime() > addDays(today, 365).getTime();
  const threeYearsAgo = addYears(today, -3);
  const eligible = people.filter((p) => p.id !== workerId && settled(p) && LEVEL_RANK[p.qualificationLevel] >= LEVEL_RANK.SOCIAL_WORKER && p.credentials[0] && p.credentials[0].issueDate.getTime() <= threeYearsAgo.getTime());
  const used = new Set<string>([workerId]);
  const take = (from: typeof people, n: number) => {
    const out = from.filter((p) => !used.has(p.id)).slice(0, n);
    out.forEach((p) => used.add(p.id));
    return out;
  };
  const dcSupervisors = take(eligible.filter((p) => districtOf(p) === dongcheng), 2);
  const otherDistrict = eligible.map(districtOf).find((d) => d && d !== dongcheng) ?? "";
  const [otherSupervisor] = take(eligible.filter((p) => districtOf(p) === otherDistrict), 1);
  // The city approved an assistant social worker of long standing (below the level rule) in the other district.
  const [approved] = take(people.filter((p) => districtOf(p) === otherDistrict && settled(p) && p.qualificationLevel === "ASSISTANT_SOCIAL_WORKER"), 1);
  const supervisors = [...dcSupervisors, otherSupervisor, approved].filter((p): p is (typeof people)[number] => !!p);
  if (supervisors.length === 0) return { pairs: 0, sessions: 0 };
  if (approved) await tx.supervisorApproval.create({ data: { practitionerId: approved.id, approvedById: opts.cityAdminId, approvedAt: addDays(today, -240), note: "取得证书前已在社区从事一线服务十余年，经市民政局研究同意担任督导。" } });

  const frontline = (district: string) => people.filter((p) => districtOf(p) === district && p.talentTrack === "FRONTLINE" && settled(p));
  const pairs: Prisma.SupervisionCreateManyInput[] = [];
  const sessions: Prisma.SupervisionSessionCreateManyInput[] = [];
  const cpd: Prisma.CpdEntryCreateManyInput[] = [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  let pairSeq = 0;
  let sessionSeq = 0;
  const pair = (supervisorId: string, superviseeId: string, start: Date, end: Date | null = null) => {
    const id = `demo_sv_${String(++pairSeq).padStart(3, "0")}`;
    pairs.push({ id, supervisorId, superviseeId, startDate: start, endDate: end, createdById: opts.cityAdminId, createdAt: clampPast(start) });
    return { id, supervisorId, superviseeId };
  };
  const session = (p: { id: string; supervisorId: string; superviseeId: string }, date: Date, halfHours: number, status: "LOGGED" | "CONFIRMED" | "DISPUTED", extra: { createdAt?: Date; reason?: string } = {}) => {
    const id = `demo_ss_${String(++sessionSeq).padStart(4, "0")}`;
    const topic = TOPICS[sessionSeq % TOPICS.length]!;
    const createdAt = clampPast(extra.createdAt ?? addDays(date, 1));
    const confirmedAt = status === "CONFIRMED" ? clampPast(addDays(createdAt, 2)) : null;
    sessions.push({ id, supervisionId: p.id, date, halfHours, topic, status, reason: extra.reason ?? null, confirmedAt, createdAt });
    if (status === "CONFIRMED") {
      for (const [who, other, side] of [[p.superviseeId, p.supervisorId, "supervisee"], [p.supervisorId, p.superviseeId, "supervisor"]] as const) {
        cpd.push({ practitionerId: who, kind: "SUPERVISION", title: topic, provider: names.get(other) ?? "", startDate: date, endDate: date, halfHours, status: "VERIFIED", decidedAt: confirmedAt, sourceRef: `supervision:${id}:${side}`, createdAt: confirmedAt ?? createdAt });
      }
    }
  };
  // Monthly two-hour sessions from the pair's start, the last `gap` days before today.
  const monthly = (p: { id: string; supervisorId: string; superviseeId: string }, start: Date, count: number, gap = 20) => {
    for (let k = 0; k < count; k++) {
      const date = addDays(today, -gap - 30 * (count - 1 - k));
      if (date.getTime() > start.getTime()) session(p, date, 4, "CONFIRMED");
    }
  };

  // 李明 and his supervisor: the supervision already in his ledger becomes the pair's confirmed sessions.
  const liMingSupervisor = dcSupervisors[0] ?? supervisors[0]!;
  const reg = await tx.registration.findFirst({ where: { practitionerId: workerId, credential: { status: "VERIFIED" } }, orderBy: { periodEnd: "desc" }, select: { periodStart: true } });
  const ledger = await tx.cpdEntry.findMany({ where: { practitionerId: workerId, kind: "SUPERVISION", sourceRef: null }, select: { id: true, halfHours: true } });
  const owed = ledger.reduce((a, e) => a + e.halfHours, 0);
  await tx.cpdEntry.deleteMany({ where: { id: { in: ledger.map((e) => e.id) } } });
  const liStart = reg ? addDays(reg.periodStart, 7) : addDays(today, -400);
  const li = pair(liMingSupervisor.id, workerId, liStart);
  const liCount = Math.ceil(owed / 4);
  const span = Math.max(liCount, Math.floor((today.getTime() - DAY * 10 - liStart.getTime()) / DAY) - 7);
  for (let k = 0; k < liCount; k++) {
    const date = addDays(liStart, 7 + Math.floor((span * k) / Math.max(1, liCount)));
    session(li, date, Math.min(4, owed - 4 * k), "CONFIRMED");
  }
  session(li, addDays(today, -3), 3, "LOGGED", { createdAt: addDays(today, -2) });

  const pairStart = addDays(today, -200);
  // Dongcheng: two more supervisees for the first supervisor, two for the second (one session disputed).
  const dc = frontline(dongcheng);
  for (const p of take(dc, 2)) monthly(pair(liMingSupervisor.id, p.id, pairStart), pairStart, 4);
  if (dcSupervisors[1]) {
    const [a, b] = take(dc, 2);
    if (a) {
      const pa = pair(dcSupervisors[1].id, a.id, pairStart);
      monthly(pa, pairStart, 3);
      session(pa, addDays(today, -9), 4, "DISPUTED", { createdAt: addDays(today, -8), reason: "当天因社区应急工作取消了督导，未实际进行。" });
    }
    if (b) {
      const pb = pair(dcSupervisors[1].id, b.id, pairStart);
      monthly(pb, pairStart, 2);
      session(pb, addDays(today, -5), 4, "LOGGED", { createdAt: addDays(today, -4) });
    }
  }
  // The other district: a pair with a session waiting for three weeks (the reminder goes out), an ended pair, the approved supervisor's pair.
  const other = frontline(otherDistrict);
  if (otherSupervisor) {
    const [a, b] = take(other, 2);
    if (a) {
      const pa = pair(otherSupervisor.id, a.id, pairStart);
      monthly(pa, pairStart, 3, 40);
      session(pa, addDays(today, -21), 4, "LOGGED", { createdAt: addDays(today, -20) });
    }
    if (b) {
      const from = addDays(today, -330);
      const pb = pair(otherSupervisor.id, b.id, from, addDays(today, -60));
      monthly(pb, from, 3, 90);
    }
  }
  if (approved) {
    const [a] = take(other, 1);
    if (a) monthly(pair(approved.id, a.id, pairStart), pairStart, 3, 15);
  }

  await tx.supervision.createMany({ data: pairs });
  await tx.supervisionSession.createMany({ data: sessions });
  await tx.cpdEntry.createMany({ data: cpd });
  return { pairs: pairs.length, sessions: sessions.length };
}
