import { SelectField } from "@/components/ui/field";

export type TPractitionerOption = { id: string; label: string };

/**
 * The select of one practitioner among those the server offers (already within the caller's
 * scope, labelled there). No hooks: server pages and client forms render it alike.
 */
export function PractitionerPicker({
  label,
  chooseLabel,
  options,
  defaultValue,
  error,
  hint,
  name = "practitionerId",
}: {
  label: string;
  chooseLabel: string;
  options: TPractitionerOption[];
  defaultValue: string;
  error?: string;
  hint?: string;
  name?: string;
}) {
  return (
    <SelectField label={label} name={name} required defaultValue={defaultValue} error={error} hint={hint}>
      <option value="">{chooseLabel}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}
