import "server-only";
import type { TCreatePractitioner } from "@/domain/practitioners/schemas";
import type { TImportCertificate } from "@/domain/staff/import-validate";
import { decryptIdNumber, encryptIdNumber, idNumberLookupHash } from "@/lib/id-crypto";
import { maskIdNumber } from "@/lib/id-number";
import { isoDay as iso, parseIsoDay } from "@/domain/common/calendar-day";

// What an ImportRow keeps between the upload and the run. The ID number is never stored in
// clear: a valid row keeps exactly the three columns the register stores (ciphertext, keyed
// look-up hash, mask); a refused row keeps its cells as typed (for the error report) with the
// ID-number cell encrypted. Both are cleared or kept as documented in docs/decisions/006.

export type TPendingData = {
  name: string;
  gender: TCreatePractitioner["gender"];
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  degree: TCreatePractitioner["degree"];
  major: TCreatePractitioner["major"];
  degreeInstitution: string | null;
  degreeYear: number | null;
  professionalTitle: TCreatePractitioner["professionalTitle"];
  employmentType: TCreatePractitioner["employmentType"];
  hireDate: string | null;
  practiceFields: TCreatePractitioner["practiceFields"];
  targetGroups: TCreatePractitioner["targetGroups"];
  talentTrack: TCreatePractitioner["talentTrack"];
  entryPath: TCreatePractitioner["entryPath"];
  entryDate: string;
  idNumberEncrypted: string;
  idNumberHash: string;
  idNumberMasked: string;
  /** The qualification certificate the row gives (number canonical), submitted for verification when the row runs; absent on rows stored before certificates could be imported. */
  certificate?: TImportCertificate | null;
};

export type TInvalidData = { raw: Record<string, string>; idNumberEncrypted: string | null };


export function pendingData(key: string, v: TCreatePractitioner, certificate: TImportCertificate | null = null): TPendingData {
  const id = v.idNumber!;
  return {
    name: v.name,
    gender: v.gender,
    birthDate: iso(v.birthDate),
    phone: v.phone,
    email: v.email,
    degree: v.degree,
    major: v.major,
    degreeInstitution: v.degreeInstitution,
    degreeYear: v.degreeYear,
    professionalTitle: v.professionalTitle,
    employmentType: v.employmentType,
    hireDate: iso(v.hireDate),
    practiceFields: [...new Set(v.practiceFields)],
    targetGroups: [...new Set(v.targetGroups)],
    talentTrack: v.talentTrack,
    entryPath: v.entryPath,
    entryDate: iso(v.entryDate)!,
    idNumberEncrypted: encryptIdNumber(key, id),
    idNumberHash: idNumberLookupHash(key, id),
    idNumberMasked: maskIdNumber(id),
    certificate,
  };
}

export function invalidData(key: string, raw: Record<string, string>): TInvalidData {
  const { idNumber, ...rest } = raw;
  return { raw: { ...rest }, idNumberEncrypted: idNumber ? encryptIdNumber(key, idNumber) : null };
}

/** A refused row's cells as typed, the ID number decrypted (for the error report only). */
export function invalidCells(key: string, data: TInvalidData): Record<string, string> {
  return { ...data.raw, idNumber: data.idNumberEncrypted ? decryptIdNumber(key, data.idNumberEncrypted) : "" };
}

const day = (s: string | null) => (s ? parseIsoDay(s) : null);

/** The register's profile columns from a pending row (what the practitioner form would save). */
export function profileColumns(d: TPendingData) {
  return {
    name: d.name,
    gender: d.gender,
    birthDate: day(d.birthDate),
    phone: d.phone,
    email: d.email,
    degree: d.degree,
    major: d.major,
    degreeInstitution: d.degreeInstitution,
    degreeYear: d.degreeYear,
    professionalTitle: d.professionalTitle,
    employmentType: d.employmentType,
    hireDate: day(d.hireDate),
    practiceFields: d.practiceFields,
    targetGroups: d.targetGroups,
    talentTrack: d.talentTrack,
  };
}

export const entryOf = (d: TPendingData) => ({ entryPath: d.entryPath, entryDate: day(d.entryDate)! });
