import { z } from "zod";
import { normalisePhoneNumber } from "@/lib/phone-number";

// Contact fields shared by every form that asks for them (practitioners, agencies, applications).
// Messages are catalogue keys under "validation".

/**
 * A mainland mobile or landline number as people type it (country code, spaces, dashes, an
 * extension), stored in one canonical form: "13912345678", "010-66660000", "0755-1234567-123".
 * The message "phone" names the forms accepted.
 */
export const ZPhone = z
  .string()
  .trim()
  .refine((v) => normalisePhoneNumber(v) !== null, "phone")
  .transform((v) => normalisePhoneNumber(v)!);

export const ZContactEmail = z.string().trim().toLowerCase().max(254, "tooLong").pipe(z.email("email"));
