import type { TStatusTone } from "@/components/ui/status-tone";

// One colour per status of a contract, a milestone and a payment (see src/components/ui/status-tone.ts).
export const CONTRACT_TONE = { ACTIVE: "blue", CLOSED: "green", TERMINATED: "slate" } as const satisfies Record<string, TStatusTone>;
export const MILESTONE_TONE = { PENDING: "slate", REPORTED: "amber", ACCEPTED: "green", RETURNED: "red" } as const satisfies Record<string, TStatusTone>;
export const DISBURSEMENT_TONE = { REQUESTED: "amber", PAID: "green", REFUSED: "red" } as const satisfies Record<string, TStatusTone>;
