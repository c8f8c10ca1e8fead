// The demo city: regions, organisations and one login per role. Built from the factories.
import type { PrismaClient } from "@/generated/prisma/client";
import { creditCodeCheckChar } from "@/lib/credit-code";
import demoCity from "./demo-city.json";
import { todayInCity } from "@/domain/common/calendar-day";
import { makeOrganization, makePractitioner, makeRegion, makeUser } from "./factories";
import { seedDemoPractitioners, type TDemoOrg } from "./demo-practitioners";
import { seedDemoWorkforce } from "./demo-workforce";
import { seedDemoFunds } from "./demo-funds";
import { seedDemoContracts } from "./demo-contracts";
import { seedDemoSupervision } from "./demo-supervision";
import { seedDemoTrainings } from "./demo-trainings";
import { seedDemoRotation } from "./demo-rotation";
import { seedDemoExams } from "./demo-exams";
import { seedDemoCivilServants } from "./demo-civil-servants";
import { seedDemoCalls } from "./demo-calls";
import { seedDemoScoring } from "./demo-scoring";
import { seedDemoEvaluations } from "./demo-evaluations";
import { DEMO_PASSWORD } from "./demo-logins";

type TOrgSeed = (typeof demoCity.organizations)[number] & { departmentType?: string; adminLevel?: string; hospitalLevel?: string; creditCode?: string; supervisingDepartment?: string };

/** Whether the database already holds data: demo seeding never touches a used database. */
export async function hasData(db: PrismaClient): Promise<boolean> {
  const [regions, users] = await Promise.all([db.region.count(), db.user.count()]);
  return regions > 0 || users > 0;
}

function creditCode(index: number): string {
  // 5 = social organisation registered with civil affairs, 2 = private non-enterprise unit.
  const first17 = `52990100MJ${String(index).padStart(7, "0")}`.slice(0, 17);
  return `${first17}${creditCodeCheckChar(first17)}`;
}

export async function seedDemoData(db: PrismaClient): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const city = await makeRegion(tx, { level: "CITY", code: demoCity.city.code, name: demoCity.city.name, nameHant: demoCity.city.nameHant, nameEn: demoCity.city.nameEn });
      const byCode = new Map<string, { id: string; path: string }>([[city.code, city]]);
      for (const d of demoCity.districts) {
        const district = await makeRegion(tx, { level: "DISTRICT", code: d.code, name: d.name, nameHant: d.nameHant, nameEn: d.nameEn, parent: city });
        byCode.set(d.code, district);
        for (const s of d.streets) {
          const street = await makeRegion(tx, { level: "STREET", code: s.code, name: s.name, nameHant: s.nameHant, nameEn: s.nameEn, parent: district });
          byCode.set(s.code, street);
          for (const c of s.communities) {
            const community = await makeRegion(tx, { level: "COMMUNITY", code: c.code, name: c.name, nameHant: c.nameHant, nameEn: c.nameEn, parent: street });
            byCode.set(c.code, community);
          }
        }
      }

      const orgIds = new Map<string, string>();
      const orgs: TDemoOrg[] = [];
      let agencyIndex = 0;
      for (const raw of demoCity.organizations as TOrgSeed[]) {
        const region = byCode.get(raw.region);
        if (!region) throw new Error(`demo seed: unknown region ${raw.region}`);
        const org = await makeOrganization(tx, {
          kind: raw.kind as never,
          name: raw.name,
          nameHant: raw.nameHant,
          nameEn: raw.nameEn,
          regionId: region.id,
          departmentType: (raw.departmentType ?? null) as never,
          adminLevel: (raw.adminLevel ?? null) as never,
          hospitalLevel: (raw.hospitalLevel ?? null) as never,
          creditCode: raw.kind === "AGENCY" || raw.kind === "EVALUATION_BODY" ? creditCode(1000 + agencyIndex++) : null,
        });
        orgIds.set(raw.name, org.id);
        orgs.push({ id: org.id, name: raw.name, kind: raw.kind, departmentType: raw.departmentType ?? null, regionId: region.id, regionPath: region.path, districtCode: raw.region.slice(0, 6) });
      }
      const org = (name: string) => {
        const id = orgIds.get(name);
        if (!id) throw new Error(`demo seed: unknown organisation ${name}`);
        return id;
      };
      // Schools, hospitals and welfare institutions under their supervising departments (主管部门):
      // the education bureau's officer (dept@demo.local) then sees 示例市第一中学 and its posts.
      for (const raw of demoCity.organizations as TOrgSeed[]) {
        if (raw.supervisingDepartment) await tx.organization.update({ where: { id: org(raw.name) }, data: { supervisingDepartmentId: org(raw.supervisingDepartment) } });
      }

      const agencyId = org("示例市阳光社会工作服务中心");
      const worker = await makePractitioner(tx, { name: "李明", gender: "MALE", organizationId: agencyId });
      const people = [
        { email: "city@demo.local", name: "王建国", role: "CITY_ADMIN" as const },
        { email: "district@demo.local", name: "陈静", role: "DISTRICT_OFFICER" as const, regionId: byCode.get("990101")!.id },
        { email: "dept@demo.local", name: "刘洋", role: "DEPARTMENT_OFFICER" as const, organizationId: org("示例市教育局") },
        { email: "agency@demo.local", name: "张丽", role: "AGENCY_ADMIN" as const, organizationId: agencyId },
        { email: "worker@demo.local", name: "李明", role: "PRACTITIONER" as const, practitionerId: worker.id },
        { email: "evaluator@demo.local", name: "赵敏", role: "EVALUATOR" as const, organizationId: org("示例市社会组织评估中心") },
        { email: "training@demo.local", name: "孙涛", role: "TRAINING_PROVIDER" as const, organizationId: org("示例市社会工作教育培训中心") },
        // An external expert (a university lecturer) on the scoring panels of the calls assigned to her.
        { email: "expert@demo.local", name: "周文华", role: "EXPERT" as const },
      ];
      const users = new Map<string, { id: string; name: string }>();
      for (const p of people) users.set(p.email, await makeUser(tx, { ...p, password: DEMO_PASSWORD }));

      // The register: ~200 practitioners with their history since the plan's start (demo-practitioners.ts).
      const idKey = process.env.ID_ENCRYPTION_KEY;
      if (!idKey) throw new Error("demo seed: ID_ENCRYPTION_KEY is not set (needed to store ID numbers encrypted)");
      await seedDemoPractitioners(tx, {
        orgs,
        worker: { id: worker.id, organizationId: agencyId },
        today: todayInCity(),
        idKey,
        actors: {
          cityAdmin: users.get("city@demo.local")!,
          districtOfficer: { ...users.get("district@demo.local")!, districtCode: "990101" },
          agencyAdmin: { ...users.get("agency@demo.local")!, organizationId: agencyId },
        },
      });

      // Agencies' particulars, ratings and integrity records, posts, applications, the association (demo-workforce.ts).
      await seedDemoWorkforce(tx, {
        orgs,
        districts: new Map(demoCity.districts.map((d) => [d.code, byCode.get(d.code)!])),
        today: todayInCity(),
        actors: { cityAdmin: users.get("city@demo.local")!, districtOfficer: users.get("district@demo.local")! },
        workerId: worker.id,
      });
      // This year's special fund with its training-subsidy and purchased-services lines (demo-funds.ts).
      const funds = await seedDemoFunds(tx, { year: todayInCity().getUTCFullYear() });
      // Two training providers, their approvals and programmes of every kind, drawing on the training-subsidy line (demo-trainings.ts).
      await seedDemoTrainings(tx, { today: todayInCity(), orgs, cityAdminId: users.get("city@demo.local")!.id, trainingLineId: funds.training.id, workerId: worker.id });
      
      // Supervisors, pairs and sessions, 李明 among the supervisees (demo-supervision.ts).
      await seedDemoSupervision(tx, { today: todayInCity(), workerId: worker.id, dongchengPath: byCode.get("990101")!.path, cityAdminId: users.get("city@demo.local")!.id });
      // Rotation lists (the Education Bureau's and the civil-affairs bureaus'), with past rotation programmes (demo-rotation.ts).
      await seedDemoRotation(tx, { today: todayInCity(), orgs, idKey, cityAdminId: users.get("city@demo.local")!.id, deptOfficerId: users.get("dept@demo.local")!.id });
      // Qualification-exam sittings over three years, 李明's own among them (demo-exams.ts).
      await seedDemoExams(tx, { today: todayInCity(), workerId: worker.id, officialId: users.get("district@demo.local")!.id });
      // New civil servants under the two-year deadline, in 示例市教育局 and three districts (demo-civil-servants.ts).
      await seedDemoCivilServants(tx, { today: todayInCity(), orgs, idKey });
      // Calls for proposals in every stage before scoring, the blacklisted agency ineligible at a close (demo-calls.ts).
      await seedDemoCalls(tx, { today: todayInCity(), orgs, cityAdminId: users.get("city@demo.local")!.id, deptOfficerId: users.get("dept@demo.local")!.id, agencyAdminId: users.get("agency@demo.local")!.id, servicesLineId: funds.services.id });
      await seedDemoScoring(tx, { today: todayInCity(), orgs, users, servicesLineId: funds.services.id }); // a closed call in scoring, the expert's to do (demo-scoring.ts)
      // Purchased-service contracts with milestones, payments and one staffing shortfall, on the services line (demo-contracts.ts).
      await seedDemoContracts(tx, { today: todayInCity(), orgs, districts: new Map(demoCity.districts.map((d) => [d.code, byCode.get(d.code)!])), servicesLineId: funds.services.id, cityAdminId: users.get("city@demo.local")!.id, deptOfficerId: users.get("dept@demo.local")!.id, agencyAdminId: users.get("agency@demo.local")!.id, workerId: worker.id });
      // Third-party evaluation: rubrics, the evaluators of two bodies, evaluations in every status over the contracts above (demo-evaluations.ts).
      await seedDemoEvaluations(tx, { today: todayInCity(), orgs, users });
      // The seed wrote every derived fact with the current rule: a migration's pending "recompute
      // everyone" task has nothing left to do (it would only touch every row's updatedAt).
      await tx.dataTask.updateMany({ where: { doneAt: null, key: { startsWith: "recompute-qualification" } }, data: { doneAt: new Date() } });
    },
    { timeout: 60_000 },
  );
}
