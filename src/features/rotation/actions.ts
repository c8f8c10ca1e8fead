"use server";

import { addAllCivilServants, addToList, removeFromList } from "@/server/rotation/list";
import { enrolCohort } from "@/server/rotation/cohort";
import { EnrolmentRefusal, type TEnrolOutcome } from "@/server/trainings/enrolment";
import { formAction } from "@/features/action";
import type { TActionState } from "@/domain/common/action-state";
import { ZAddAllCivilServants, ZAddToList, ZEnrolCohort, ZRemoveFromList } from "@/domain/rotation/schemas";

// Server actions of the rotation list and the cohort builder (issue 12 §2): thin, through the one
// pipeline (src/features/action.ts); the server functions check scope themselves.

/** A form's entries as an object, the repeated fields as lists. */
function withLists(formData: FormData, lists: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !lists.includes(key)) out[key] = value;
  for (const key of lists) out[key] = formData.getAll(key).filter((v): v is string => typeof v === "string");
  return out;
}

/** The list again, saying how many were added and how many were on it already (the candidates it showed may be gone). */
const addedPath = (departmentId: string, r: { added: number; already: number }) => `/rotation?department=${encodeURIComponent(departmentId)}&added=${r.added}-${r.already}#list`;

export type TAddState = TActionState;

export const addToListAction = formAction<typeof ZAddToList, Awaited<ReturnType<typeof addToList>>, TAddState>({
  permission: "rotation.manage",
  schema: ZAddToList,
  input: (fd) => withLists(fd, ["practitionerIds"]),
  run: (input) => addToList(input),
  revalidate: ["/rotation"],
  done: (r, input) => ({ redirect: addedPath(input.departmentId, r) }),
});

export const addAllCivilServantsAction = formAction<typeof ZAddAllCivilServants, Awaited<ReturnType<typeof addAllCivilServants>>, TAddState>({
  permission: "rotation.manage",
  schema: ZAddAllCivilServants,
  run: (input) => addAllCivilServants(input),
  revalidate: ["/rotation"],
  done: (r, input) => ({ redirect: addedPath(input.departmentId, r) }),
});

export const removeFromListAction = formAction({
  permission: "rotation.manage",
  schema: ZRemoveFromList,
  invalid: "rotation.errors.entryNotFound",
  run: (input) => removeFromList(input),
  revalidate: ["/rotation"],
  done: (r) => ({ redirect: `/rotation?department=${encodeURIComponent(r.departmentId)}&removed=1#list` }),
});

/** A cohort's answer: who got a place and who waits, or the person a refusal is about. */
export type TCohortState = TActionState & { person?: string; outcomes?: Pick<TEnrolOutcome, "practitionerId" | "name" | "status" | "waitlistPosition">[] };

export const enrolCohortAction = formAction<typeof ZEnrolCohort, TEnrolOutcome[], TCohortState>({
  permission: "rotation.buildCohort",
  schema: ZEnrolCohort,
  input: (fd) => withLists(fd, ["practitionerIds"]),
  echo: false,
  run: (input) => enrolCohort(input),
  fail: (error) => (error instanceof EnrolmentRefusal ? { ok: false, error: error.problem.code as TCohortState["error"], person: error.person } : undefined),
  revalidate: (input) => ["/trainings", `/trainings/${input.trainingId}`, "/rotation", "/rotation/cohort"],
  done: (out) => ({ ok: true, outcomes: out.map((o) => ({ practitionerId: o.practitionerId, name: o.name, status: o.status, waitlistPosition: o.waitlistPosition })) }),
});
