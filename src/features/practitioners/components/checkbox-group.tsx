"use client";

/** A set of checkboxes submitted under one name (repeated), as a fieldset with a legend. */
export function CheckboxGroup({ legend, name, options, value, onChange, error }: { legend: string; name: string; options: { value: string; label: string }[]; value: string[]; onChange: (next: string[]) => void; error?: string }) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-2 block text-sm font-medium text-slate-700">{legend}</legend>
      <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {options.map((o) => {
          const id = `${name}-${o.value}`;
          return (
            <div key={o.value} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                name={name}
                value={o.value}
                checked={value.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
                className="mt-0.5 h-4 w-4 rounded border-slate-300"
              />
              <label htmlFor={id} className="text-sm text-slate-700">{o.label}</label>
            </div>
          );
        })}
      </div>
      {error ? <p id={`${name}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
