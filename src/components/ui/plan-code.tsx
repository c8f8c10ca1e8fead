/**
 * A work-plan code (T3.4, G1.e) after a name, for officials who work with the plan: muted, after
 * the name and never instead of it. Public pages and charts show the name alone.
 */
export function PlanCode({ code }: { code: string }) {
  return <span className="ml-1.5 whitespace-nowrap font-mono text-xs font-normal text-slate-600">{code}</span>;
}
