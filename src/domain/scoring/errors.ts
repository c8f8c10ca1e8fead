// Codes the panel, scoring, selection and contract creation refuse with: full keys in the "scoring" namespace.

export type TScoringErrorCode = `scoring.errors.${
  | "callNotFound"
  | "notOnPanel"
  | "notPanelCandidate"
  | "alreadyOnPanel"
  | "memberHasScores"
  | "panelClosed"
  | "notDeclared"
  | "alreadyDeclared"
  | "conflictDeclared"
  | "notClosed"
  | "beforeDeadline"
  | "proposalNotScorable"
  | "notSelectable"
  | "unscoredProposals"
  | "notSelected"
  | "contractExists"
  | "noBudgetLine"}`;

export type TScoringFieldErrorCode = `scoring.validation.${
  | "scoreRange"
  | "scoreMissing"
  | "reasonRequired"
  | "conflictNoteRequired"
  | "valueAboveBudget"
  | "valuePositive"
  | "termOrder"
  | "milestonesRequired"
  | "milestonesSum"
  | "dueOutsideTerm"
  | "proposalRequired"}`;
