import type { Prisma } from "@/generated/prisma/client";
import type { TTx } from "@/server/db";
import { maskIdNumber } from "@/lib/id-number";
import { encryptIdNumber, idNumberLookupHash } from "@/lib/id-crypto";
import { enrolmentSourceRef, formatTrainingReference, isCompleted, trainingReferenceSequence } from "@/domain/trainings/rules";
import { idNumberFor } from "./id-numbers";
import type { TDemoOrg } from "./demo-practitioners";

// The demo city's rotation training (轮训, issue 12 §2): rotation lists for dept@demo.local's
// department (the City Education Bureau) and for the civil-affairs bureaus, and two past rotation
// programmes of the education system, so that the lists show people covered (attended within the
// window, three years by default), not covered any more (last attended four years ago) and never
// trained — and the cohort builder has everyone from "never" to "recently" to choose from.
//
// The register's random population works in civil-affairs bureaus only (demo-practitioners.ts), so
// the Education Bureau's eight civil servants are added here, with the register's own formats (an
// encrypted valid ID number, a status history, an employment record). Two of them are left off the
// list, for "add all civil servants". The programmes are written as the server would close them
// (demo-trainings.ts explains the formats): no subsidy, so no money; completions credit their
// hours under training:<enrolmentId>, so closing them again changes nothing.

const DAY = 86_400_000;

/** The Education Bureau's civil servants: name, gender, birth, hired. */
const EDUCATION_STAFF = [
  { name: "周文静", gender: "FEMALE", birth: "1982-03-14", hired: "2009-08-01" },
  { name: "吴国栋", gender: "MALE", birth: "1978-11-02", hired: "2004-07-15" },
  { name: "郑晓燕", gender: "FEMALE", birth: "1987-06-21", hired: "2012-09-01" },
  { name: "冯志强", gender: "MALE", birth: "1985-01-30", hired: "2011-03-01" },
  { name: "何雅琴", gender: "FEMALE", birth: "1990-09-09", hired: "2015-08-01" },
  { name: "许建华", gender: "MALE", birth: "1983-04-17", hired: "2010-07-01" },
  { name: "韩丽萍", gender: "FEMALE", birth: "1988-12-05", hired: "2016-10-01" },
  { name: "曹俊杰", gender: "MALE", birth: "1992-02-26", hired: "2018-08-01" },
] as const;

export type TDemoRotationInput = { today: Date; orgs: TDemoOrg[]; idKey: string; cityAdminId: string; deptOfficerId: string };

export async function seedDemoRotation(tx: TTx, input: TDemoRotationInput) {
  const { today } = input;
  const at = (offset: number) => new Date(today.getTime() + offset * DAY);
  const org = (name: string) => {
    const o = input.orgs.find((x) => x.name === name);
    if (!o) throw new Error(`demo rotation: unknown organisation ${name}`);
    return o;
  };
  const education = org("示例市教育局");
  const centre = org("示例市社会工作教育培训中心");

  // The Education Bureau's civil servants (order codes 450+ keep their ID numbers apart from the register's).
  const staff: { id: string; name: string }[] = [];
  for (const [i, s] of EDUCATION_STAFF.entries()) {
    const idNumber = idNumberFor(education.districtCode, new Date(`${s.birth}T00:00:00Z`), 450 + i, s.gender);
    const hired = new Date(`${s.hired}T00:00:00Z`);
    const p = await tx.practitioner.create({
      data: {
        name: s.name,
        gender: s.gender,
        birthDate: new Date(`${s.birth}T00:00:00Z`),
        idNumberEncrypted: encryptIdNumber(input.idKey, idNumber),
        idNumberHash: idNumberLookupHash(input.idKey, idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        phone: `1390000${String(4500 + i).padStart(4, "0")}`,
        degree: "BACHELOR",
        organizationId: education.id,
        regionId: education.regionId,
        regionPath: education.regionPath,
        employmentType: "CIVIL_SERVANT",
        hireDate: hired,
        practiceFields: ["SCHOOLS"],
        status: "ACTIVE",
        statusSince: hired,
      },
      select: { id: true, name: true },
    });
    await tx.practitionerStatusChange.create({ data: { practitionerId: p.id, status: "ACTIVE", effectiveFrom: hired } });
    await tx.employmentRecord.create({ data: { practitionerId: p.id, organizationId: education.id, from: hired } });
    staff.push(p);
  }

  // Two past rotation programmes of the education system: one four years ago (its people are no
  // longer covered), one last year (covered). Both by the city's training centre, without subsidy.
  const programmes = [
    { title: "教育系统公务员社会工作轮训（第一期）", offset: -1470, people: [0, 1], missed: [] as number[] },
    { title: "教育系统公务员社会工作轮训（第二期）", offset: -420, people: [2, 3, 4, 5], missed: [5] },
  ];
  const cpd: Prisma.CpdEntryCreateManyInput[] = [];
  for (const plan of programmes) {
    const dates = [at(plan.offset), at(plan.offset + 1)];
    const year = dates[0]!.getUTCFullYear();
    const taken = await tx.training.findMany({ where: { reference: { startsWith: `PX-${year}-` } }, select: { reference: true } });
    const sequence = Math.max(0, ...taken.map((t) => trainingReferenceSequence(t.reference, year))) + 1;
    const t = await tx.training.create({
      data: {
        reference: formatTrainingReference(year, sequence),
        kind: "ROTATION",
        scope: "THEORY",
        title: plan.title,
        providerId: centre.id,
        startDate: dates[0]!,
        endDate: dates[1]!,
        venue: "示例市教育局会议室",
        capacity: 30,
        lengthHalfHours: 12,
        cpdHalfHours: 12,
        completionPercent: 80,
        audienceOrganizationKinds: ["GOVERNMENT_DEPARTMENT"],
        status: "CLOSED",
        createdById: input.cityAdminId,
        createdAt: new Date(dates[0]!.getTime() - 30 * DAY),
      },
      select: { id: true },
    });
    const sessions = await tx.trainingSession.createManyAndReturn({
      data: dates.map((date, i) => ({ trainingId: t.id, number: i + 1, date, startsAt: "09:00", halfHours: 6, topic: i === 0 ? "社会工作理念与学校社会工作" : "学生保护与家校社协同" })),
      select: { id: true, number: true, date: true },
    });
    for (const [i, who] of plan.people.entries()) {
      const p = staff[who]!;
      const missed = plan.missed.includes(who);
      const present = sessions.map((s) => !(missed && s.number === 1));
      const done = isCompleted(present.filter(Boolean).length, sessions.length, 80);
      const e = await tx.trainingEnrolment.create({
        data: {
          trainingId: t.id,
          practitionerId: p.id,
          number: i + 1,
          status: done ? "COMPLETED" : "NOT_COMPLETED",
          enrolledById: input.cityAdminId,
          enrolledAt: new Date(dates[0]!.getTime() - 20 * DAY),
          completedAt: done ? new Date(dates[1]!.getTime() + DAY) : null,
        },
        select: { id: true },
      });
      await tx.trainingAttendance.createMany({ data: sessions.map((s, k) => ({ sessionId: s.id, enrolmentId: e.id, present: present[k]!, recordedAt: new Date(s.date.getTime() + 10 * 3_600_000) })) });
      if (done) {
        cpd.push({
          practitionerId: p.id,
          kind: "TRAINING_PROGRAMME",
          title: plan.title,
          provider: centre.name,
          startDate: dates[0]!,
          endDate: dates[1]!,
          halfHours: 12,
          status: "VERIFIED",
          decidedAt: new Date(dates[1]!.getTime() + DAY),
          sourceRef: enrolmentSourceRef(e.id),
          createdAt: new Date(dates[1]!.getTime() + DAY),
        });
      }
    }
  }
  await tx.cpdEntry.createMany({ data: cpd });

  // The lists: six of the Education Bureau's eight (kept by dept@demo.local), and every active
  // civil servant of the civil-affairs bureaus (kept by the city).
  const entries: Prisma.RotationListEntryCreateManyInput[] = staff.slice(0, 6).map((p, i) => ({ organizationId: education.id, practitionerId: p.id, addedById: input.deptOfficerId, addedAt: at(-200 + i) }));
  const bureaus = input.orgs.filter((o) => o.kind === "GOVERNMENT_DEPARTMENT" && o.departmentType === "CIVIL_AFFAIRS");
  const servants = await tx.practitioner.findMany({ where: { organizationId: { in: bureaus.map((b) => b.id) }, employmentType: "CIVIL_SERVANT", status: "ACTIVE" }, orderBy: { id: "asc" }, select: { id: true, organizationId: true } });
  for (const s of servants) entries.push({ organizationId: s.organizationId!, practitionerId: s.id, addedById: input.cityAdminId, addedAt: at(-150) });
  await tx.rotationListEntry.createMany({ data: entries });
  return { educationStaff: staff.length, listed: entries.length };
}
