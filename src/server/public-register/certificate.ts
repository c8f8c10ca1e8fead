import "server-only";
import QRCode from "qrcode";
import { prisma } from "@/server/db";
import { nameOnlySelect } from "@/server/select";
import { appUrl } from "@/server/accounts/app-url";
import { getCurrentUser, requirePermission } from "@/server/auth/session";
import type { TPrincipal } from "@/domain/authz/matrix";
import { practitionerScope } from "@/server/authz/scope";
import { PUBLIC_CREDENTIAL_KINDS, PUBLIC_CREDENTIAL_STATUSES, publicRegistration, publicStatus, type TPublicCredentialKind, type TPublicRegistration, type TPublicStatus } from "@/domain/public-register/rules";
import { isoDay, todayInCityIso } from "@/domain/common/calendar-day";
import type { TQualificationLevel } from "@/domain/practitioners/enums";
import type { TCounting } from "@/domain/practitioners/qualification";
import { countingFor } from "@/server/practitioners/counting";

// The signed-in side of the public register: the QR card on a practitioner's profile and the
// printable e-certificate. Both are shown only to someone who may read that practitioner.

type TTargetRow = { id: string; regionPath: string | null; organizationId: string | null };

async function practitionerTarget(id: string): Promise<TTargetRow | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return prisma.practitioner.findUnique({ where: { id }, select: { id: true, regionPath: true, organizationId: true } });
}

const asTarget = (p: TTargetRow) => ({ practitionerId: p.id, regionPath: p.regionPath, organizationId: p.organizationId, entity: "Practitioner", entityId: p.id });

/** The address a practitioner's QR code opens: APP_URL, else the request's own host. */
export async function publicProfileUrl(practitionerId: string): Promise<string> {
  return `${await appUrl()}/public/p/${encodeURIComponent(practitionerId)}`;
}

/** An SVG QR code (a string of trusted markup generated here, never user input). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#0f172a", light: "#ffffff" } });
}

export type TQrCard = { practitionerId: string; isQualified: boolean; url: string; svg: string | null };

/** For the QR card: null when the viewer may not read this practitioner (the card then shows nothing). */
export async function qrCardFor(practitionerId: string): Promise<TQrCard | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const target = await practitionerTarget(practitionerId);
  if (!target || !(await readable(user, target.id))) return null;
  const counts = !!(await countingFor([target.id])).get(target.id)?.counts;
  const url = await publicProfileUrl(target.id);
  return { practitionerId: target.id, isQualified: counts, url, svg: counts ? await qrSvg(url) : null };
}

/**
 * Whether the viewer may read this practitioner: the register's own scope filter, which also
 * covers what a record cannot say about itself (a department officer reads the holders of the
 * posts in their scope).
 */
async function readable(user: TPrincipal, id: string): Promise<boolean> {
  return (await prisma.practitioner.count({ where: { AND: [{ id }, practitionerScope(user, "practitioners.read")] } })) > 0;
}

type TNamedRow = { name: string; nameHant: string | null; nameEn: string | null };

export type TECertificate = {
  id: string;
  name: string;
  /** Whether the viewer is the practitioner themselves. */
  own: boolean;
  isQualified: boolean;
  counting: TCounting;
  qualifiedSince: string | null;
  qualificationLevel: TQualificationLevel;
  employer: TNamedRow | null;
  district: TNamedRow | null;
  certificates: { kind: TPublicCredentialKind; number: string; issuingAuthority: string; issueDate: string; status: TPublicStatus; registration: TPublicRegistration; registrationNumber: string | null }[];
  url: string;
  svg: string | null;
};

/**
 * The printable e-certificate. Requires practitioners.read on that practitioner (a practitioner
 * may print their own, also as "me"); unknown ids give null (a 404), ids outside the scope an audited 403.
 */
export async function eCertificate(practitionerId: string, now = new Date()): Promise<TECertificate | null> {
  const user = await requirePermission("practitioners.read");
  // "me": a stable address for a practitioner's own e-certificate (links, bookmarks).
  const id = practitionerId === "me" ? user.practitionerId : practitionerId;
  if (!id) return null;
  const target = await practitionerTarget(id);
  if (!target) return null;
  // Outside the scope: the audited 403 of requirePermission.
  if (!(await readable(user, target.id))) await requirePermission("practitioners.read", asTarget(target));
  const p = await prisma.practitioner.findUniqueOrThrow({
    where: { id: target.id },
    select: {
      id: true,
      name: true,
      regionPath: true,
      organization: { select: nameOnlySelect },
      credentials: {
        where: { kind: { in: [...PUBLIC_CREDENTIAL_KINDS] }, status: { in: [...PUBLIC_CREDENTIAL_STATUSES] } },
        select: { kind: true, number: true, issuingAuthority: true, issueDate: true, status: true, registration: { select: { number: true, periodEnd: true } } },
        orderBy: { issueDate: "desc" },
      },
    },
  });
  const ids = (p.regionPath ?? "").split("/").filter(Boolean);
  const districtId = ids[1] ?? ids[0];
  const district = districtId ? await prisma.region.findUnique({ where: { id: districtId }, select: nameOnlySelect }) : null;
  const today = todayInCityIso(now);
  const url = await publicProfileUrl(p.id);
  // The counting rule's own answer (the public page this QR code opens uses the same).
  const counting = (await countingFor([p.id], now)).get(p.id)!;
  return {
    id: p.id,
    name: p.name,
    own: !!user.practitionerId && user.practitionerId === p.id,
    isQualified: counting.counts,
    counting,
    qualifiedSince: isoDay(counting.counts ? counting.since : null),
    qualificationLevel: counting.level,
    employer: p.organization,
    district,
    certificates: p.credentials.flatMap((c) => {
      const status = publicStatus(c.status);
      return status
        ? [{ kind: c.kind as TPublicCredentialKind, number: c.number, issuingAuthority: c.issuingAuthority, issueDate: isoDay(c.issueDate), status, registration: publicRegistration(c.registration?.periodEnd, today), registrationNumber: c.registration?.number ?? null }]
        : [];
    }),
    url,
    svg: counting.counts ? await qrSvg(url) : null,
  };
}
