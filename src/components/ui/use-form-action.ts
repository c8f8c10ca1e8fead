"use client";

import { useActionState } from "react";
import type { TActionState } from "@/domain/common/action-state";

type TServerAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

/**
 * useActionState plus a key for the form that changes with every answer. React resets a form
 * after its action runs; remounting it with the echoed values as defaults keeps everything that
 * was typed or chosen (a reset <select> would otherwise fall back to its first option).
 */
export function useFormAction(serverAction: TServerAction) {
  const [state, action] = useActionState(async (prev: TActionState & { n?: number }, formData: FormData) => ({ ...(await serverAction(prev, formData)), n: (prev.n ?? 0) + 1 }), { ok: false } as TActionState & { n?: number });
  return [state, action, `answer-${state.n ?? 0}`] as const;
}
