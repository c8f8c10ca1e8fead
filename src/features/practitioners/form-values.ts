import type { TPractitionerFormValues } from "./components/practitioner-form";
import { isoDay } from "@/domain/common/calendar-day";

type TSource = {
  id: string;
  version: number;
  name: string;
  gender: string | null;
  birthDate: Date | null;
  /** Set instead of birthDate when the viewer may see only the year (src/domain/practitioners/privacy.ts). */
  birthYear: number | null;
  idNumberMasked: string | null;
  phone: string | null;
  email: string | null;
  degree: string;
  major: string | null;
  degreeInstitution: string | null;
  degreeYear: number | null;
  professionalTitle: string;
  organizationId: string | null;
  employmentType: string | null;
  hireDate: Date | null;
  practiceFields: string[];
  targetGroups: string[];
  talentTrack: string | null;
  keyPost: boolean;
  awards: { name: string; level: string; year: number | null }[];
};

/** A stored profile as the strings the edit form starts from (dates are calendar days, UTC). */
export function toFormValues(p: TSource): TPractitionerFormValues {
  return {
    id: p.id,
    version: p.version,
    name: p.name,
    gender: p.gender ?? "",
    birthDate: isoDay(p.birthDate) ?? "",
    birthYear: p.birthYear ? String(p.birthYear) : "",
    idNumberMasked: p.idNumberMasked ?? "",
    phone: p.phone ?? "",
    email: p.email ?? "",
    degree: p.degree,
    major: p.major ?? "",
    degreeInstitution: p.degreeInstitution ?? "",
    degreeYear: p.degreeYear ? String(p.degreeYear) : "",
    professionalTitle: p.professionalTitle,
    organizationId: p.organizationId ?? "",
    employmentType: p.employmentType ?? "",
    hireDate: isoDay(p.hireDate) ?? "",
    practiceFields: p.practiceFields,
    targetGroups: p.targetGroups,
    talentTrack: p.talentTrack ?? "",
    keyPost: p.keyPost,
    awards: p.awards.map((a) => ({ name: a.name, level: a.level, year: a.year ? String(a.year) : "" })),
  };
}

