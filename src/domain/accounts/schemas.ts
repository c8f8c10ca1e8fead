import { z } from "zod";
import { ROLES } from "@/domain/authz/matrix";
import { checkPassword, PASSWORD_MAX_LENGTH } from "@/lib/password-policy";
import { LOCALES } from "@/lib/locales";
import { ROLE_SCOPE_FIELD } from "./role-scope";
import type { TPasswordProblemCode } from "./errors";

// Messages are catalogue keys under "validation"; forms translate them in the user's language.

const ZId = z.string().trim().min(1, "required").max(64, "invalid");
const ZOptionalId = z
  .string()
  .trim()
  .max(64, "invalid")
  .optional()
  .transform((v) => (v ? v : null));

export const ZEmail = z.string().trim().toLowerCase().min(1, "required").max(254, "tooLong").pipe(z.email("email"));

export const ZNewPassword = z.string().max(PASSWORD_MAX_LENGTH, "passwordTooLong");

const ZUserFields = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  role: z.enum(ROLES, "required"),
  regionId: ZOptionalId,
  organizationId: ZOptionalId,
  practitionerId: ZOptionalId,
});

function requireScope<T extends z.infer<typeof ZUserFields>>(value: T, ctx: z.RefinementCtx) {
  const field = ROLE_SCOPE_FIELD[value.role];
  if (field && !value[field]) ctx.addIssue({ code: "custom", path: [field], message: "required" });
}

/** Keeps only the anchor the role uses, so a stale hidden field never widens a scope. */
function onlyRoleScope<T extends z.infer<typeof ZUserFields>>(value: T): T {
  const field = ROLE_SCOPE_FIELD[value.role];
  return {
    ...value,
    regionId: field === "regionId" ? value.regionId : null,
    organizationId: field === "organizationId" ? value.organizationId : null,
    practitionerId: field === "practitionerId" ? value.practitionerId : null,
  };
}

export const ZCreateUser = ZUserFields.extend({ email: ZEmail }).superRefine(requireScope).transform(onlyRoleScope);
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = ZUserFields.extend({ id: ZId, version: z.coerce.number().int().min(1) })
  .superRefine(requireScope)
  .transform(onlyRoleScope);
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZUserRef = z.object({ id: ZId, version: z.coerce.number().int().min(1) });

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "required").max(1024, "invalid"),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordMismatch" });
    if (v.newPassword === v.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "passwordUnchanged" });
  });

export const ZSetPassword = z
  .object({ token: z.string().min(16, "invalid").max(200, "invalid"), newPassword: ZNewPassword, confirmPassword: z.string() })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordMismatch" });
  });

export const ZLocale = z.object({ locale: z.enum(LOCALES, "invalid") });

/** Password policy as a message key (validation.password.*), or null. */
export function passwordProblemKey(password: string, email?: string): TPasswordProblemCode | null {
  const problem = checkPassword(password, email);
  return problem ? `password_${problem}` : null;
}
