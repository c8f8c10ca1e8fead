import { withMessages } from "@/i18n/with-messages";
import { AddMemberForm as AddMemberFormClient } from "./add-member-form.client";
import { DeclareForm as DeclareFormClient } from "./declare-form.client";
import { ScoreForm as ScoreFormClient } from "./score-form.client";
import { SelectForm as SelectFormClient } from "./select-form.client";
import { ContractForm as ContractFormClient } from "./contract-form.client";

// The client forms with the messages they render (src/i18n/with-messages.tsx). The contract form
// may be refused by the ledger (funds.errors.lineExceeded), so it carries the funds namespace too.
const NS = ["scoring", "common", "errors", "validation", "notices"] as const;
export const AddMemberForm = withMessages(AddMemberFormClient, NS);
export const DeclareForm = withMessages(DeclareFormClient, NS);
export const ScoreForm = withMessages(ScoreFormClient, NS);
export const SelectForm = withMessages(SelectFormClient, NS);
export const ContractForm = withMessages(ContractFormClient, [...NS, "funds"]);
