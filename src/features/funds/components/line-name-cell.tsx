/** A budget line's name with how much of it is used, as a bar and in words (`usedLabel`). */
export function LineNameCell({ name, usedPercent, usedLabel }: { name: string; usedPercent: number; usedLabel: string }) {
  return (
    <span>
      <span className="block">{name}</span>
      <span className="mt-1 block h-1.5 w-32 overflow-hidden rounded-full bg-slate-100" aria-hidden>
        <span className="block h-full bg-brand-600" style={{ width: `${usedPercent}%` }} />
      </span>
      <span className="mt-0.5 block text-xs font-normal text-slate-600">{usedLabel}</span>
    </span>
  );
}
