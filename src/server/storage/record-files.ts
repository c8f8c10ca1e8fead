import "server-only";
import type { TCurrentUser } from "@/server/auth/session";
import { can } from "@/domain/authz/matrix";
import { scanForDownload } from "@/server/credentials/queries";
import { proofForDownload } from "@/server/registrations/queries";
import { milestoneFileForDownload } from "@/server/contracts/queries";
import { reportFileForDownload } from "@/server/evaluation-outcome/queries";

// The files served under /api/files/[id] (download) and /api/files/[id]/inline (the viewer): a
// credential's scan, a proof of CPD hours or a milestone report's file, found only through the record it belongs to, with
// that record's scope. Both routes ask here, so they cannot disagree on who may see a file.

type TRecordFile = { file: { id: string; storageKey: string; mimeType: string; originalName: string }; belongsTo: Record<string, string | null>; name: { kind: string; reference: string } };

export async function recordFileFor(user: TCurrentUser, id: string): Promise<TRecordFile | null> {
  const scan = can(user, "credentials.read") ? await scanForDownload(user, id) : null;
  if (scan) {
    return {
      file: scan,
      belongsTo: { credentialId: scan.credential?.id ?? null, practitionerId: scan.credential?.practitionerId ?? null },
      name: { kind: "credential", reference: scan.credential?.number ?? scan.id },
    };
  }
  const proof = await proofForDownload(user, id);
  if (proof) {
    return {
      file: proof,
      belongsTo: { cpdEntryId: proof.cpdEntry?.id ?? null, practitionerId: proof.cpdEntry?.practitionerId ?? null },
      name: { kind: "cpd-proof", reference: proof.cpdEntry?.id ?? proof.id },
    };
  }
  // A milestone report's file: through a contract the caller may read.
  const report = await milestoneFileForDownload(user, id);
  if (report) {
    return {
      file: report.file,
      belongsTo: { milestoneId: report.milestone.id, contractId: report.milestone.contract.id },
      name: { kind: "milestone-report", reference: `${report.milestone.contract.reference}-${report.milestone.number}` },
    };
  }
  // An evaluation's report file: through an evaluation whose report the caller may read (issue 14).
  const evaluationReport = await reportFileForDownload(user, id);
  if (evaluationReport) {
    return {
      file: evaluationReport.file,
      belongsTo: { evaluationId: evaluationReport.evaluation.id },
      name: { kind: "evaluation-report", reference: evaluationReport.evaluation.reference },
    };
  }
  return null;
}
