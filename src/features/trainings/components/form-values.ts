import { isoDay } from "@/domain/common/calendar-day";
import { fenToYuanInput } from "@/lib/money";
import { hoursOf } from "@/domain/trainings/rules";
import type { TTrainingFormValues } from "./training-form.client";

/** A stored programme as the form shows it (yuan, hours, YYYY-MM-DD). */
export function trainingFormValues(p: {
  id: string;
  version: number;
  providerId: string;
  kind: string;
  scope: string;
  title: string;
  venue: string;
  startDate: Date;
  endDate: Date;
  capacity: number;
  lengthHalfHours: number;
  cpdHalfHours: number;
  completionPercent: number;
  audienceDepartmentTypes: string[];
  audienceRegionIds: string[];
  audienceOrganizationKinds: string[];
  audienceLevels: string[];
  costFen: number;
  subsidyFen: number;
  budgetLineId: string | null;
}): TTrainingFormValues {
  return {
    id: p.id,
    version: p.version,
    providerId: p.providerId,
    kind: p.kind,
    scope: p.scope,
    title: p.title,
    venue: p.venue,
    startDate: isoDay(p.startDate),
    endDate: isoDay(p.endDate),
    capacity: String(p.capacity),
    hours: String(hoursOf(p.lengthHalfHours)),
    cpdHours: String(hoursOf(p.cpdHalfHours)),
    completionPercent: String(p.completionPercent),
    audienceDepartmentTypes: p.audienceDepartmentTypes,
    audienceRegionIds: p.audienceRegionIds,
    audienceOrganizationKinds: p.audienceOrganizationKinds,
    audienceLevels: p.audienceLevels,
    cost: p.costFen ? fenToYuanInput(BigInt(p.costFen)) : "",
    subsidy: p.subsidyFen ? fenToYuanInput(BigInt(p.subsidyFen)) : "",
    budgetLineId: p.budgetLineId ?? "",
  };
}
