// The demo city's new civil servants (plan.md T2, the two-year qualification deadline): people who
// entered P1 departments since the plan's start, due, not yet due and one whose certificate waits
// in the verification queue, in 示例市教育局 (dept@demo.local) and in departments of three districts;
// and done: certified social workers recruited from agencies into departments (each keeps the
// agency in their employment history, which is also what gives them hiring priority), and the
// city-level civil servant who already held a certificate, moved into 示例市教育局.
//
// New people hold no qualifying credential, so the growth dashboard's figures stay as
// demo-practitioners.ts tells them; the people who are done were already counted and stay in
// their district. Entry dates are relative to today. A deadline can only have passed once two
// years have gone by since the plan's start (2025-01-01 → 2027-01-01): until then the people meant
// to be overdue enter on the plan's first days, and become overdue by themselves as time passes.
import type { Prisma } from "@/generated/prisma/client";
import { addYears } from "@/domain/common/calendar-day";
import { encryptIdNumber, idNumberLookupHash } from "@/lib/id-crypto";
import { maskIdNumber } from "@/lib/id-number";
import { canonicalNumber } from "@/lib/canonical-number";
import { idNumberFor } from "./id-numbers";
import { DEMO_PLAN, type TDemoOrg } from "./demo-practitioners";

type TDb = Prisma.TransactionClient;

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const CERTS = ["ASSISTANT_SOCIAL_WORKER", "SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"] as const;

/** [name, gender, department, days after (today − 2 years) they entered: negative = meant to be overdue]. */
const NEW_CIVIL_SERVANTS: [string, "MALE" | "FEMALE", string, number][] = [
  ["周晓雯", "FEMALE", "示例市教育局", 40],
  ["冯志强", "MALE", "示例市教育局", -45],
  ["吴昊", "MALE", "示例市教育局", 520],
  ["郑佳怡", "FEMALE", "示例市教育局", 400],
  ["何静", "FEMALE", "东城区民政局", 75],
  ["罗斌", "MALE", "东城区民政局", 610],
  ["高敏", "FEMALE", "东城区民政局", -10],
  ["林涛", "MALE", "南湖区卫生健康局", 330],
  ["谢婷", "FEMALE", "南湖区卫生健康局", -100],
  ["唐伟", "MALE", "滨江县司法局", 20],
];
/** 郑佳怡 submitted her certificate: it waits for the city's verification (and clears her deadline once verified). */
const SUBMITTED = "郑佳怡";
export const DEMO_NEW_CIVIL_SERVANTS = NEW_CIVIL_SERVANTS.length;

export async function seedDemoCivilServants(tx: TDb, opts: { today: Date; orgs: TDemoOrg[]; idKey: string }) {
  const { today, orgs, idKey } = opts;
  const org = (name: string) => {
    const o = orgs.find((x) => x.name === name);
    if (!o) throw new Error(`demo civil servants: unknown organisation ${name}`);
    return o;
  };
  const start = DEMO_PLAN.startDate;
  const twoYearsAgo = addYears(today, -2);

  let seq = 0;
  for (const [name, gender, department, offset] of NEW_CIVIL_SERVANTS) {
    const o = org(department);
    // Never before the plan's start (they would not be "new"); the overdue ones on its first days until the calendar allows.
    const wanted = addDays(twoYearsAgo, offset);
    const entry = wanted.getTime() >= start.getTime() ? wanted : addDays(start, seq % 5);
    const entered = entry.getTime() > today.getTime() ? today : entry;
    const birth = new Date(Date.UTC(1994 + (seq % 6), (seq * 5) % 12, 3 + seq));
    const idNumber = idNumberFor(o.districtCode.slice(0, 6), birth, 450 + seq, gender);
    const id = `demo_cs_${String(++seq).padStart(3, "0")}`;
    await tx.practitioner.create({
      data: {
        id,
        name,
        gender,
        birthDate: birth,
        idNumberEncrypted: encryptIdNumber(idKey, idNumber),
        idNumberHash: idNumberLookupHash(idKey, idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        // A degree in another field: a new civil servant is not yet in the workforce the plan counts.
        degree: "BACHELOR",
        major: "OTHER",
        degreeInstitution: "示例大学",
        degreeYear: birth.getUTCFullYear() + 22,
        organizationId: o.id,
        regionId: o.regionId,
        regionPath: o.regionPath,
        employmentType: "CIVIL_SERVANT",
        hireDate: entered,
        practiceFields: ["CIVIL_AFFAIRS"],
        talentTrack: "FRONTLINE",
        entryPath: "CULTIVATED",
        entryDate: entered,
        status: "ACTIVE",
        statusSince: entered,
        statusHistory: { create: { status: "ACTIVE", effectiveFrom: entered } },
        employments: { create: { organizationId: o.id, from: entered } },
      },
    });
    if (name === SUBMITTED) {
      const submittedAt = addDays(today, -6);
      await tx.credential.create({
        data: {
          id: `demo_cs_cr_${seq}`,
          practitionerId: id,
          kind: "ASSISTANT_SOCIAL_WORKER",
          number: canonicalNumber(`ZL${today.getUTCFullYear()}00${String(seq * 37).padStart(5, "0")}`),
          issuingAuthority: "人力资源和社会保障部 民政部",
          issueDate: addDays(today, -20),
          status: "SUBMITTED",
          createdAt: submittedAt,
          events: { create: { fromStatus: null, toStatus: "SUBMITTED", actorName: name, at: submittedAt } },
        },
      });
    }
  }

  // Done: certified agency social workers recruited into their district's civil-affairs department (the same district, so
  // the dashboards' district figures do not move), their agency spell closed the day before.
  const certified = { status: "ACTIVE" as const, isQualified: true, qualificationLevel: { in: [...CERTS] }, postAssignments: { none: {} }, user: { is: null } };
  const recruits: { district: string; to: string }[] = [
    { district: "990103", to: "南湖区民政局" },
    { district: "990104", to: "北山区民政局" },
  ];
  for (const [i, r] of recruits.entries()) {
    const agencies = orgs.filter((o) => o.kind === "AGENCY" && o.districtCode === r.district).map((o) => o.id);
    const person = await tx.practitioner.findFirst({ where: { ...certified, organizationId: { in: agencies }, hireDate: { lte: addDays(today, -400) } }, orderBy: { id: "asc" }, select: { id: true, organizationId: true } });
    if (!person) continue;
    const dept = org(r.to);
    const moved = addDays(today, -(150 + 90 * i));
    await tx.employmentRecord.updateMany({ where: { practitionerId: person.id, to: null }, data: { to: moved, endReason: "MOVED", note: "考录为公务员" } });
    await tx.employmentRecord.create({ data: { practitionerId: person.id, organizationId: dept.id, from: moved } });
    await tx.practitioner.update({ where: { id: person.id }, data: { organizationId: dept.id, regionId: dept.regionId, regionPath: dept.regionPath, employmentType: "CIVIL_SERVANT", hireDate: moved } });
  }
}
