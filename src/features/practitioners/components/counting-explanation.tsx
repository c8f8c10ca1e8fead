import { getFormatter, getTranslations } from "next-intl/server";
import type { TCounting, TCountingCredential, TCountingChange, TNotCountingReason } from "@/domain/practitioners/qualification";
import type { TPublicCounting } from "@/domain/public-register/rules";
import { dayFormatter } from "@/domain/common/day-format";
import { Badge } from "@/components/ui/card";

// The one rendering of "does this person count": whether, since when, why, and what would change
// it, from the counting rule's own explanation (src/domain/practitioners/qualification.ts,
// explainCounting). Every page that says whether someone counts renders it, so no page can state
// the decision without its reason, or with another rule's.

type TProps =
  /** The full explanation: decision, since when, why, what would change it. `self`: worded for the person themselves. */
  | { variant: "full"; counting: TCounting; self?: boolean }
  /** One line for a table row: the decision and its first reason. */
  | { variant: "short"; counting: TCounting }
  /** The public register: the decision and a reason that reveals nothing of the person's record. */
  | { variant: "public"; counting: TPublicCounting };

export async function CountingExplanation(props: TProps) {
  const [t, te, format] = await Promise.all([getTranslations("counting"), getTranslations("enums"), getFormatter()]);
  const day = dayFormatter(format);
  const credential = (c: { kind: TCountingCredential["kind"]; degreeLevel?: TCountingCredential["degreeLevel"] }) =>
    c.kind === "SOCIAL_WORK_DEGREE" && c.degreeLevel ? t("degree", { kind: te("credentialKind.SOCIAL_WORK_DEGREE"), level: te(`degree.${c.degreeLevel}`) }) : te(`credentialKind.${c.kind}`);

  if (props.variant === "public") {
    const c = props.counting;
    return (
      <p data-testid="counting" data-counts={c.counts} className={c.counts ? "text-sm text-emerald-900" : "text-sm text-amber-900"}>
        {c.counts ? t("public.counts", { date: day(c.since) }) : t(c.reason === "inactive" ? "public.inactive" : "public.noQualification")}
      </p>
    );
  }

  const c = props.counting;
  const decision = c.counts ? (
    <Badge tone="green">{t("countsSince", { date: day(c.since) })}</Badge>
  ) : (
    <Badge tone="amber">{t("notCounting")}</Badge>
  );

  if (props.variant === "short") {
    const first = c.counts ? null : shortReason(c.reasons);
    return (
      <span data-testid="counting" data-counts={c.counts}>
        {c.counts ? <Badge tone="green">{t("short.counts")}</Badge> : <Badge>{t("short.notCounting")}</Badge>}
        <span className="block text-xs text-slate-600">{c.counts ? t("short.since", { date: day(c.since) }) : first ? t(`short.${first.code}`, shortValues(first, day, te)) : null}</span>
      </span>
    );
  }

  const self = props.self ?? false;
  return (
    <div data-testid="counting" data-counts={c.counts} className="space-y-3 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        {decision}
        {!c.counts && c.since ? <span className="text-slate-700">{t("stoppedOn", { date: day(c.since) })}</span> : null}
        <span className="text-slate-700">{t("level", { level: te(`qualificationLevel.${c.level}`) })}</span>
      </p>
      <div>
        <h3 className="text-xs font-medium text-slate-500">{t("why")}</h3>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-800" data-testid="counting-why">
          {c.held.map((h, i) => (
            <li key={`held-${i}`}>{c.counts ? t("held", { credential: credential(h), date: day(h.issueDate) }) : t("heldInactive", { credential: credential(h), date: day(h.issueDate) })}</li>
          ))}
          {c.reasons.map((r, i) => (
            <li key={`reason-${i}`} data-reason={r.code}>{reasonText(r, { t, te, day, credential, self })}</li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="text-xs font-medium text-slate-500">{c.counts ? t("changesStop") : t("changesStart")}</h3>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-800" data-testid="counting-changes">
          {c.changes.map((ch, i) => (
            <li key={i} data-change={ch.code}>{changeText(ch, { t, day, credential })}</li>
          ))}
          {c.counts ? <li>{t("changes.registrationNote")}</li> : null}
        </ul>
      </div>
    </div>
  );
}

type TT = Awaited<ReturnType<typeof getTranslations<"counting">>>;
type TE = Awaited<ReturnType<typeof getTranslations<"enums">>>;
type TDay = (d: Date | string | null | undefined) => string;
type TCredentialName = (c: { kind: TCountingCredential["kind"]; degreeLevel?: TCountingCredential["degreeLevel"] }) => string;

function reasonText(r: TNotCountingReason, { t, te, day, credential, self }: { t: TT; te: TE; day: TDay; credential: TCredentialName; self: boolean }): string {
  switch (r.code) {
    case "inactive":
      return t(self ? "reasons.inactiveSelf" : "reasons.inactive", { status: te(`practitionerStatus.${r.status}`), date: day(r.since) });
    case "notYetActive":
      return t("reasons.notYetActive", { date: day(r.from) });
    case "noQualifyingCredential":
      return t("reasons.noQualifyingCredential");
    case "pending":
      return r.since ? t("reasons.pending", { credential: credential(r), date: day(r.since) }) : t("reasons.pendingUndated", { credential: credential(r) });
    case "revoked":
      return t("reasons.revoked", { credential: credential(r), date: day(r.on) });
    case "rejected":
      return t("reasons.rejected", { credential: credential(r) });
    case "notQualifyingKind":
      return t("reasons.notQualifyingKind", { credential: credential(r) });
    case "issuedLater":
      return t("reasons.issuedLater", { credential: credential(r), date: day(r.from) });
  }
}

function changeText(ch: TCountingChange, { t, day, credential }: { t: TT; day: TDay; credential: TCredentialName }): string {
  switch (ch.code) {
    case "stopOnLeaving":
      return t("changes.stopOnLeaving");
    case "stopOnRevocation":
      return t("changes.stopOnRevocation", { count: ch.count });
    case "countOnReturn":
      return t("changes.countOnReturn");
    case "countOnDate":
      return t("changes.countOnDate", { date: day(ch.from) });
    case "countOnVerification":
      return t("changes.countOnVerification", { credential: credential(ch) });
    case "countOnCredential":
      return t("changes.countOnCredential");
  }
}

type TShortReason = Extract<TNotCountingReason, { code: "inactive" | "notYetActive" | "pending" | "revoked" | "rejected" | "noQualifyingCredential" }>;

/** The reason a table row shows: the person's status first, then what is under way, then what is missing. */
function shortReason(reasons: TNotCountingReason[]): TShortReason | null {
  for (const code of ["inactive", "notYetActive", "pending", "revoked", "rejected", "noQualifyingCredential"] as const) {
    const r = reasons.find((x): x is TShortReason => x.code === code);
    if (r) return r;
  }
  return null;
}

function shortValues(r: TShortReason, day: TDay, te: TE): Record<string, string> {
  switch (r.code) {
    case "inactive":
      return { status: te(`practitionerStatus.${r.status}`), date: day(r.since) };
    case "notYetActive":
      return { date: day(r.from) };
    case "revoked":
      return { date: day(r.on) };
    default:
      return {};
  }
}
