import { notFound, redirect } from "next/navigation";
import { requirePermission } from "@/server/auth/session";
import { scopeOf } from "@/domain/authz/matrix";

/** "My agency": an agency's administrator lands on their own profile; officials have none. */
export default async function MyAgencyPage() {
  const user = await requirePermission("agencies.read");
  if (scopeOf(user.role, "agencies.read") !== "organization" || !user.organizationId) notFound();
  redirect(`/agencies/${user.organizationId}`);
}
