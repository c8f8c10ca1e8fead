// What a viewer is shown of a person's birth date. Characters 7–14 of a resident ID number are
// the birth date, so a full date shown next to even a masked number gives most of it back: only
// those who may reveal the number (and the person themselves) see the date; everyone else sees
// the year (issue 10, hole 1).

import { can, type TPrincipal } from "@/domain/authz/matrix";

/** The full birth date goes to whoever may reveal this person's ID number, and to the person; others get the year. */
export function seesFullBirthDate(viewer: TPrincipal, p: { id: string; regionPath: string | null; organizationId: string | null }): boolean {
  return can(viewer, "practitioners.revealIdNumber", { regionPath: p.regionPath, organizationId: p.organizationId }) || (!!viewer.practitionerId && viewer.practitionerId === p.id);
}

/** Whether a role sees full birth dates anywhere it may look (for whole exports: their scope is within the reveal scope). */
export function roleSeesFullBirthDates(role: TPrincipal["role"]): boolean {
  return can({ role }, "practitioners.revealIdNumber");
}

/**
 * Whether a role sees practitioners' phone numbers: the profile shows them to whoever may read the
 * practitioner, so an export (always within the reader's scope) may carry them for these roles.
 * Phone numbers are personal data: the register export carries them only when its filter is about
 * reaching people (./export-columns.ts).
 */
export function roleSeesPhones(role: TPrincipal["role"]): boolean {
  return can({ role }, "practitioners.read");
}

export type TBirthView = {
  /** The full date, or null when the viewer may not see it (or it is not on record). */
  birthDate: Date | null;
  /** The year when the full date is withheld; null when the date is shown or unknown. */
  birthYear: number | null;
};

export function birthView(birthDate: Date | null, full: boolean): TBirthView {
  if (!birthDate) return { birthDate: null, birthYear: null };
  return full ? { birthDate, birthYear: null } : { birthDate: null, birthYear: birthDate.getUTCFullYear() };
}

/** A birth-date cell as typed in a spreadsheet, reduced to its year ("" when it has none). */
export function birthYearOfCell(cell: string): string {
  return /^\s*(\d{4})\b/.exec(cell)?.[1] ?? "";
}
