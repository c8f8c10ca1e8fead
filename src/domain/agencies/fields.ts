import { z } from "zod";
import { ZPastDay } from "@/domain/common/calendar-day";
import { ZContactEmail, ZPhone } from "@/domain/common/contact";
import { PRACTICE_FIELDS } from "@/domain/practitioners/enums";

// An agency's particulars and contact details as the public application asks for them. The
// profile an agency keeps up to date afterwards uses the same fields, so what an application
// must give can never be emptied later (issue 11). Messages are catalogue keys under "validation".

const requiredText = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");

export const AGENCY_FIELDS = {
  name: requiredText(200),
  legalRepresentative: requiredText(100),
  address: requiredText(300),
  /** The founding day: it has happened. */
  foundedOn: z.string().trim().min(1, "required").pipe(ZPastDay),
  serviceAreas: z.array(z.enum(PRACTICE_FIELDS, "invalid")).min(1, "serviceAreasRequired").max(PRACTICE_FIELDS.length, "invalid"),
  contactName: requiredText(100),
  contactPhone: z.string().trim().min(1, "required").pipe(ZPhone),
  contactEmail: z.string().trim().min(1, "required").pipe(ZContactEmail),
};
