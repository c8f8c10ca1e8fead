"use server";

import { changePractitionerStatus, createPractitioner, revealIdNumber, updateOwnContact, updatePractitioner } from "@/server/practitioners/mutations";
import { formAction } from "@/features/action";
import type { TActionState } from "@/domain/common/action-state";
import { practitionerFormInput, ZChangeStatus, ZCreatePractitioner, ZPractitionerRef, ZUpdateContact, ZUpdatePractitioner } from "@/domain/practitioners/schemas";

export const createPractitionerAction = formAction({
  permission: "practitioners.create",
  schema: ZCreatePractitioner,
  input: practitionerFormInput,
  run: (input) => createPractitioner(input),
  revalidate: ["/practitioners"],
  done: ({ id }) => ({ redirect: `/practitioners/${id}?created=1` }),
});

export const updatePractitionerAction = formAction({
  permission: "practitioners.update",
  schema: ZUpdatePractitioner,
  input: practitionerFormInput,
  run: (input) => updatePractitioner(input),
  revalidate: (input) => [`/practitioners/${input.id}`],
  done: (_, input) => ({ redirect: `/practitioners/${input.id}?saved=1` }),
});

export const updateContactAction = formAction({
  permission: "practitioners.update",
  schema: ZUpdateContact,
  run: (input) => updateOwnContact(input),
  revalidate: (input) => [`/practitioners/${input.id}`],
  done: (_, input) => ({ redirect: `/practitioners/${input.id}?saved=1` }),
});

/** The same change from My profile, which the person comes back to. */
export const updateMyContactAction = formAction({
  permission: "practitioners.update",
  schema: ZUpdateContact,
  run: (input) => updateOwnContact(input),
  revalidate: ["/me"],
  done: () => ({ redirect: "/me?saved=1#contact" }),
});

export const changeStatusAction = formAction({
  permission: "practitioners.changeStatus",
  schema: ZChangeStatus,
  run: (input) => changePractitionerStatus(input),
  revalidate: (input) => [`/practitioners/${input.id}`],
  done: (_, input) => ({ redirect: `/practitioners/${input.id}?saved=1` }),
});

export type TRevealState = TActionState & { idNumber?: string };

/** Returns the full ID number to the one caller who asked; the reveal is audited. */
export const revealIdNumberAction = formAction<typeof ZPractitionerRef, string, TRevealState>({
  permission: "practitioners.revealIdNumber",
  schema: ZPractitionerRef,
  invalid: "notFound",
  echo: false,
  run: (input) => revealIdNumber(input.id),
  done: (idNumber) => ({ ok: true, idNumber }),
});
