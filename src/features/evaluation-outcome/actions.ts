"use server";

import { formAction } from "@/features/action";
import { scanUpload, textFields, uploadedFile } from "@/features/review-queue";
import { decideAppeal, fileAppeal, finaliseEvaluation, publishReport } from "@/server/evaluation-outcome/mutations";
import { ZDecideAppeal, ZFileAppeal, ZFinaliseEvaluation, ZPublishReport } from "@/domain/evaluation-outcome/schemas";
import { scanProblem } from "@/domain/credentials/schemas";

// The outcome section's forms (src/features/evaluation-outcome/components). Each server function
// checks the evaluation's scope, status, window and version itself; a success shows the
// evaluation's page again with its notice.

const paths = (id: string) => ["/evaluations", `/evaluations/${id}`];
const back = (id: string, notice: string) => ({ redirect: `/evaluations/${id}?notice=${notice}#outcome` });

export const publishReportAction = formAction({
  permission: "evaluations.report",
  schema: ZPublishReport,
  input: textFields,
  // The file is optional: checked (size) only when one was chosen.
  check: (formData) => {
    const file = uploadedFile(formData);
    const problem = file ? scanProblem(file) : null;
    return problem ? { fieldErrors: { scan: problem } } : null;
  },
  run: async (input, { formData }) => publishReport(input, await scanUpload(formData)),
  revalidate: (_, r) => paths(r.evaluationId),
  done: (r) => back(r.evaluationId, "published"),
});

export const fileAppealAction = formAction({
  permission: "appeals.file",
  schema: ZFileAppeal,
  run: (input) => fileAppeal(input),
  revalidate: (_, r) => paths(r.evaluationId),
  done: (r) => back(r.evaluationId, "appealed"),
});

export const decideAppealAction = formAction({
  permission: "appeals.decide",
  schema: ZDecideAppeal,
  run: (input) => decideAppeal(input),
  revalidate: (_, r) => [...paths(r.evaluationId), "/agencies", "/contracts"],
  done: (r) => back(r.evaluationId, "decided"),
});

export const finaliseEvaluationAction = formAction({
  permission: "appeals.decide",
  schema: ZFinaliseEvaluation,
  echo: false,
  run: (input) => finaliseEvaluation(input),
  revalidate: (_, r) => [...paths(r.evaluationId), "/agencies", "/contracts"],
  done: (r) => back(r.evaluationId, "finalised"),
});
