import { withMessages } from "@/i18n/with-messages";
import { AddMemberForm as AddMemberFormClient } from "./add-member-form.client";
import { DeclareForm as DeclareFormClient } from "./declare-form.client";
import { ScoreForm as ScoreFormClient } from "./score-form.client";
import { SelectForm as SelectFormClient } from "./select-form.client";
import { ContractForm as ContractFormClient } from "./contract-form.client";

// The client forms with the messages they render (src/i18n/with-messages.tsx). The contract form
// may be refused by the ledger (funds.errors.lineExceeded) and its amounts by ZYuan
// (funds.validation.amount): its page passes those as extraNamespaces.
export const AddMemberForm = withMessages(AddMemberFormClient, ["scoring", "common", "errors", "validation"]);
export const DeclareForm = withMessages(DeclareFormClient, ["scoring", "common", "errors", "validation"]);
export const ScoreForm = withMessages(ScoreFormClient, ["scoring", "common", "errors", "validation"]);
export const SelectForm = withMessages(SelectFormClient, ["scoring", "common", "errors", "validation"]);
export const ContractForm = withMessages(ContractFormClient, ["scoring", "common", "errors", "validation"]);
