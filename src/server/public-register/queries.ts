import "server-only";
import { prisma } from "@/server/db";
import { namedSelect } from "@/server/select";
import {
  compareForReport,
  normaliseName,
  PUBLIC_CREDENTIAL_KINDS,
  PUBLIC_CREDENTIAL_STATUSES,
  publicCounting,
  publicRegistration,
  publicStatus,
  type TPublicCounting,
  type TPublicCredentialKind,
  type TPublicRegistration,
  type TPublicStatus,
} from "@/domain/public-register/rules";
import { todayInCityIso } from "@/domain/common/calendar-day";
import { canonicalNumber } from "@/lib/canonical-number";
import { countingFor } from "@/server/practitioners/counting";

// What the public may see about a certificate or a counted practitioner, and nothing else:
// name, qualification level, certificate number and status (permanent unless revoked), the
// registration's status and end date, and the employer's district.
// Every query selects only the columns it needs; ID number, phone, e-mail, birth date,
// address and the employer itself never leave this module.

export type TDistrict = { name: string; nameHant: string | null; nameEn: string | null };

export type TPublicCertificate = {
  certificateNumber: string;
  name: string;
  qualificationLevel: TPublicCredentialKind;
  status: TPublicStatus;
  /** The certificate's registration (登记): current until its end date, or lapsed; null when never registered. */
  registration: TPublicRegistration;
  district: TDistrict | null;
  /** Whether the holder counts in the city's workforce: the counting rule's answer, as the portal gives it. */
  holder: TPublicCounting;
};

export type TBulkRow = { number: string; match: TPublicCertificate | null };

export type TPublicProfile = {
  name: string;
  counting: TPublicCounting;
  qualificationLevel: "DEGREE" | TPublicCredentialKind;
  district: TDistrict | null;
  certificates: { qualificationLevel: TPublicCredentialKind; number: string; status: TPublicStatus; registration: TPublicRegistration }[];
};

const CERTIFICATE_SELECT = {
  number: true,
  kind: true,
  status: true,
  registration: { select: { periodEnd: true } },
  practitioner: { select: { id: true, name: true, regionPath: true } },
} as const;

/** The district in a region path "/city/district/street/…/" (the city itself for city-level employers). */
function districtIdOf(regionPath: string | null): string | null {
  if (!regionPath) return null;
  const ids = regionPath.split("/").filter(Boolean);
  return ids[1] ?? ids[0] ?? null;
}

async function districtsFor(paths: (string | null)[]): Promise<Map<string, TDistrict>> {
  const ids = [...new Set(paths.map(districtIdOf).filter((x): x is string => !!x))];
  if (!ids.length) return new Map();
  const rows = await prisma.region.findMany({ where: { id: { in: ids } }, select: namedSelect });
  return new Map(rows.map((r) => [r.id, { name: r.name, nameHant: r.nameHant, nameEn: r.nameEn }]));
}

type TRow = { number: string; kind: string; status: string; registration: { periodEnd: Date } | null; practitioner: { id: string; name: string; regionPath: string | null } };

/** Districts and the holders' counting for a set of rows, each in one query. */
async function contextFor(rows: TRow[], now: Date) {
  const [districts, counting] = await Promise.all([districtsFor(rows.map((r) => r.practitioner.regionPath)), countingFor(rows.map((r) => r.practitioner.id), now)]);
  return { districts, counting };
}

function toPublic(rows: TRow[], { districts, counting }: Awaited<ReturnType<typeof contextFor>>, today: string): TPublicCertificate[] {
  const out: TPublicCertificate[] = [];
  for (const r of rows) {
    const status = publicStatus(r.status);
    if (!status) continue;
    const districtId = districtIdOf(r.practitioner.regionPath);
    out.push({
      certificateNumber: r.number,
      name: r.practitioner.name,
      qualificationLevel: r.kind as TPublicCredentialKind,
      status,
      registration: publicRegistration(r.registration?.periodEnd, today),
      district: (districtId && districts.get(districtId)) || null,
      holder: publicCounting(counting.get(r.practitioner.id)!),
    });
  }
  return out.sort(compareForReport);
}

/**
 * Public look-up by certificate number (in its canonical form: case, full-width characters,
 * spaces and dashes do not matter), optionally together with the holder's exact name. Unknown numbers, pending or rejected certificates and a wrong name all give [].
 */
export async function findPublicCertificates(input: { number: string; name?: string | null }, now = new Date()): Promise<TPublicCertificate[]> {
  const number = canonicalNumber(input.number);
  const name = input.name ? normaliseName(input.name) : "";
  if (!number) return [];
  const rows = await prisma.credential.findMany({
    where: {
      number,
      kind: { in: [...PUBLIC_CREDENTIAL_KINDS] },
      status: { in: [...PUBLIC_CREDENTIAL_STATUSES] },
      ...(name ? { practitioner: { name } } : {}),
    },
    select: CERTIFICATE_SELECT,
    take: 20,
  });
  return toPublic(rows, await contextFor(rows, now), todayInCityIso(now));
}

/** Bulk check: one row per number, in the order given, with its best public match or none. */
export async function checkPublicCertificates(numbers: string[], now = new Date()): Promise<TBulkRow[]> {
  const wanted = [...new Set(numbers.map(canonicalNumber).filter(Boolean))];
  const rows = wanted.length
    ? await prisma.credential.findMany({
        where: { number: { in: wanted }, kind: { in: [...PUBLIC_CREDENTIAL_KINDS] }, status: { in: [...PUBLIC_CREDENTIAL_STATUSES] } },
        select: CERTIFICATE_SELECT,
      })
    : [];
  const matches = toPublic(rows, await contextFor(rows, now), todayInCityIso(now));
  const best = new Map<string, TPublicCertificate>();
  for (const m of matches) if (!best.has(m.certificateNumber)) best.set(m.certificateNumber, m);
  return wanted.map((number) => ({ number, match: best.get(number) ?? null }));
}

/**
 * The page a QR code opens: a counted practitioner's public status, by register id.
 * Anyone not counting now (by the counting rule, as the portal says) or an unknown id gives null,
 * and the page says "not found".
 */
export async function findPublicProfile(practitionerId: string, now = new Date()): Promise<TPublicProfile | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(practitionerId)) return null;
  const counting = (await countingFor([practitionerId], now)).get(practitionerId);
  if (!counting?.counts || counting.level === "NONE") return null;
  const p = await prisma.practitioner.findFirst({
    where: { id: practitionerId },
    select: {
      name: true,
      regionPath: true,
      credentials: {
        where: { kind: { in: [...PUBLIC_CREDENTIAL_KINDS] }, status: { in: [...PUBLIC_CREDENTIAL_STATUSES] } },
        select: { kind: true, number: true, status: true, registration: { select: { periodEnd: true } } },
        orderBy: { issueDate: "desc" },
      },
    },
  });
  if (!p) return null;
  const today = todayInCityIso(now);
  const districts = await districtsFor([p.regionPath]);
  const districtId = districtIdOf(p.regionPath);
  const certificates = p.credentials
    .map((c) => ({ qualificationLevel: c.kind as TPublicCredentialKind, number: c.number, status: publicStatus(c.status), registration: publicRegistration(c.registration?.periodEnd, today) }))
    .filter((c): c is TPublicProfile["certificates"][number] => c.status !== null)
    .sort(compareForReport);
  return {
    name: p.name,
    counting: publicCounting(counting),
    qualificationLevel: counting.level as TPublicProfile["qualificationLevel"],
    district: (districtId && districts.get(districtId)) || null,
    certificates,
  };
}
