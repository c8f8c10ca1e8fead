export default function Loading() {
  return (
    <div aria-busy="true" className="space-y-4">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-200/70" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-200/70" />
    </div>
  );
}
