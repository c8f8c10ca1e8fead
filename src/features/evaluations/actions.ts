"use server";

import { formAction } from "@/features/action";
import { addScorer, assignEvaluation, createRubricVersion, declareRecusal, linkPersonPractitioner, retireRubric, saveSheet } from "@/server/evaluations/mutations";
import { assignFormInput, rubricFormInput, sheetFormInput, ZAddScorer, ZAssignEvaluation, ZDeclareRecusal, ZLinkPerson, ZRetireRubric, ZRubricVersion, ZScoreSheet } from "@/domain/evaluations/schemas";

const evaluationPaths = (id: string) => [`/evaluations/${id}`, "/evaluations"];

export const createRubricVersionAction = formAction({
  permission: "rubrics.manage",
  schema: ZRubricVersion,
  input: rubricFormInput,
  run: (input) => createRubricVersion(input),
  revalidate: ["/rubrics", "/evaluations/new"],
  done: (rubric) => ({ redirect: `/rubrics/${rubric.id}?created=1` }),
});

export const retireRubricAction = formAction({
  permission: "rubrics.manage",
  schema: ZRetireRubric,
  echo: false,
  run: (input) => retireRubric(input),
  revalidate: (input) => ["/rubrics", `/rubrics/${input.rubricId}`, "/evaluations/new"],
  done: () => ({ ok: true, message: "saved" as const }),
});

export const assignEvaluationAction = formAction({
  permission: "evaluations.assign",
  schema: ZAssignEvaluation,
  input: assignFormInput,
  echo: { omit: ["scorerIds"] },
  run: (input) => assignEvaluation(input),
  revalidate: ["/evaluations"],
  done: (evaluation) => ({ redirect: `/evaluations/${evaluation.id}?created=1` }),
});

export const addScorerAction = formAction({
  permission: "evaluations.assign",
  schema: ZAddScorer,
  run: (input) => addScorer(input),
  revalidate: (input) => evaluationPaths(input.evaluationId),
  done: () => ({ ok: true, message: "saved" as const }),
});

export const declareRecusalAction = formAction({
  permission: "evaluations.score",
  schema: ZDeclareRecusal,
  run: (input) => declareRecusal(input),
  revalidate: (input) => evaluationPaths(input.evaluationId),
  done: (_result, input) => ({ redirect: `/evaluations/${input.evaluationId}?declared=1` }),
});

export const saveSheetAction = formAction({
  permission: "evaluations.score",
  schema: ZScoreSheet,
  input: sheetFormInput,
  run: (input) => saveSheet(input),
  revalidate: (input) => evaluationPaths(input.evaluationId),
  done: (result, input) => (result.submitted ? { redirect: `/evaluations/${input.evaluationId}?submitted=1` } : { ok: true, message: "saved" as const }),
});

export const linkPersonAction = formAction({
  permission: "users.update",
  schema: ZLinkPerson,
  run: (input) => linkPersonPractitioner(input),
  revalidate: (input) => [`/admin/users/${input.userId}`],
  done: () => ({ ok: true, message: "saved" as const }),
});
