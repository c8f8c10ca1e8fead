// What the notification centre can say. A notification stores its kind and parameters, never
// its text: the text is rendered in the reader's language when they read it (and in their
// language for the e-mail). Parameters are plain strings and numbers for ICU messages.

export const NOTIFICATION_KINDS = ["registrationDue", "credentialDecided", "cpdDecided", "renewalDecided", "supervisionLogged", "supervisionConfirmDue", "supervisionDisputed", "trainingPromoted", "trainingCancelled", "trainingCompleted", "contractShortfall", "proposalDecided", "evaluationPublished", "appealDecided", "evaluationAssigned"] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type TDecision = "VERIFIED" | "REJECTED" | "REVOKED";

export type TNotificationParams = {
  /** 90, 30 or 7 days before the registration period ends. */
  registrationDue: { name: string; number: string; end: string; days: number };
  credentialDecided: { name: string; kind: string; number: string; decision: TDecision; reason: string };
  cpdDecided: { name: string; title: string; hours: number; decision: TDecision; reason: string };
  renewalDecided: { name: string; number: string; decision: TDecision; start: string; end: string; reason: string };
  /** To the supervisee: a session was logged and waits for their confirmation. `name` is the supervisee. */
  supervisionLogged: { name: string; supervisor: string; date: string; hours: number; topic: string };
  /** To the supervisee: a session still waits for confirmation `days` after it was logged. */
  supervisionConfirmDue: { name: string; supervisor: string; date: string; hours: number; topic: string; days: number };
  /** To the supervisor: the supervisee disputed a session, with their reason. */
  supervisionDisputed: { name: string; supervisor: string; date: string; hours: number; topic: string; reason: string };
  /** A place freed and the person moved up from the waiting list of a programme. */
  trainingPromoted: { name: string; title: string; reference: string; start: string };
  /** A programme the person was enrolled in (or waiting for) was cancelled. */
  trainingCancelled: { name: string; title: string; reference: string };
  /** A programme was closed and the person completed it: hours credited. */
  trainingCompleted: { name: string; title: string; reference: string; hours: number };
  /** A contract's named staff fell short of its requirement (to the agency and the commissioning department). */
  contractShortfall: { reference: string; agency: string; since: string; people: string };
  /** To an agency's administrators: the city selected the agency that gets a call's contract; theirs was (not) chosen. */
  proposalDecided: { reference: string; title: string; agency: string; outcome: "SELECTED" | "NOT_SELECTED" };
  /** To the evaluated agency's administrators: the evaluation body published its report; the appeal window's last day. */
  evaluationPublished: { reference: string; body: string; subject: string; deadline: string };
  /** To the evaluated agency's administrators: the city decided their appeal; the final grade. */
  appealDecided: { reference: string; subject: string; decision: "UPHELD" | "DISMISSED"; grade: "EXCELLENT" | "GOOD" | "PASS" | "FAIL" };
  /** To a scorer: the city put them on an evaluation's panel; `target` is the agency or the practitioner, `due` the due day. */
  evaluationAssigned: { reference: string; kind: "PROJECT_MIDTERM" | "PROJECT_FINAL" | "AGENCY_GRADING" | "PERSONAL_APPRAISAL"; target: string; due: string };
};

export function isNotificationKind(v: unknown): v is TNotificationKind {
  return typeof v === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(v);
}
