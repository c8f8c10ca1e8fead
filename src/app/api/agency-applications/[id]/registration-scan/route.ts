import { getCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { registrationScanForDownload } from "@/server/agencies/application-queries";
import { fileNotFound, fileUnauthorized, isFileRouteId, serveStoredFile } from "@/server/storage/serve";

// The registration certificate of an agency application, only for reviewers who may see the
// application (its district, or the whole city). Anything else, a wrong id included, is the
// same 404, so ids cannot be probed. Every download is audited.

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return fileUnauthorized();
  const { id } = await params;
  if (!can(user, "agencyApplications.read") || !isFileRouteId(id)) return fileNotFound();
  const found = await registrationScanForDownload(user, id);
  if (!found) return fileNotFound();
  return serveStoredFile(user, found.file, { agencyApplicationId: found.application.id, reference: found.application.reference }, { kind: "registration-certificate", reference: found.application.reference });
}
