// The audit log's labels (messages auditLabels.actions / auditLabels.entities): an action's key is
// its name with "_" for "." (next-intl reads dots as nesting), like the capabilities' keys.

/** The key of an audit action's label: "staff.import.upload" → "staff_import_upload". */
export function auditLabelKey(action: string): string {
  return action.replaceAll(".", "_");
}
