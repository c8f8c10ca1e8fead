import { describe, expect, it } from "vitest";
import {
  activityDays,
  cpdProgress,
  daysLeft,
  DEFAULT_QUALIFICATION_SETTINGS as S,
  maxHoursFor,
  nextPeriod,
  periodFrom,
  registrationStatus,
  reminderDue,
  renewalBlocker,
  requiredHours,
  type TLedgerLine,
} from "@/domain/registrations/rules";
import { ZHours, ZSubmitCpdEntry } from "@/domain/registrations/schemas";
import { utcDay, todayInCityIso } from "@/domain/common/calendar-day";

// Registration (登记) periods, their status, the continuing-education pre-flight and the reminders.

const d = (s: string) => utcDay(`${s}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe("registration periods", () => {
  it("run three years: the last day is the day before the anniversary; the next starts the day after", () => {
    const p = periodFrom(d("2024-05-02"), 3);
    expect([iso(p.start), iso(p.end)]).toEqual(["2024-05-02", "2027-05-01"]);
    const n = nextPeriod(p.end, 3);
    expect([iso(n.start), iso(n.end)]).toEqual(["2027-05-02", "2030-05-01"]);
  });

  it("a period starting on 29 February ends on 28 February three years on", () => {
    const p = periodFrom(d("2024-02-29"), 3);
    expect(iso(p.end)).toBe("2027-02-28");
  });

  it("the period length is a setting", () => {
    expect(iso(periodFrom(d("2025-01-01"), 5).end)).toBe("2029-12-31");
  });
});

describe("registration status", () => {
  const end = d("2027-05-01");
  it("current beyond the due window, due within it (inclusive), lapsed once the last day has passed", () => {
    expect(registrationStatus(end, d("2027-01-30"), 90)).toBe("current"); // 91 days left
    expect(registrationStatus(end, d("2027-01-31"), 90)).toBe("due"); // 90 days left
    expect(registrationStatus(end, d("2027-05-01"), 90)).toBe("due"); // the last day
    expect(registrationStatus(end, d("2027-05-02"), 90)).toBe("lapsed");
    expect(daysLeft(end, d("2027-05-02"))).toBe(-1);
  });
});

describe("continuing-education pre-flight", () => {
  const period = { start: d("2024-05-02"), end: d("2027-05-01") };
  const line = (end: string, hours: number, status: TLedgerLine["status"] = "VERIFIED"): TLedgerLine => ({ endDate: d(end), halfHours: hours * 2, status });

  it("needs 72 hours for 助理社会工作师 and 90 for 社会工作师 / 高级社会工作师", () => {
    expect(requiredHours("ASSISTANT_SOCIAL_WORKER", S)).toBe(72);
    expect(requiredHours("SOCIAL_WORKER", S)).toBe(90);
    expect(requiredHours("SENIOR_SOCIAL_WORKER", S)).toBe(90);
  });

  it("counts verified hours whose activity ended inside the period, boundaries included; pending apart; rejected not at all", () => {
    const p = cpdProgress(
      [line("2024-05-01", 40), line("2024-05-02", 24), line("2026-01-10", 12.5), line("2027-05-01", 23.5), line("2027-05-02", 40), line("2026-03-01", 6, "SUBMITTED"), line("2026-04-01", 8, "REJECTED")],
      [],
      period,
      "SOCIAL_WORKER",
      S,
    );
    expect(p.countedHours).toBe(60);
    expect(p.pendingHours).toBe(6);
    expect(p.remainingHours).toBe(30);
    expect(p.met).toBe(false);
  });

  it("a social-work degree completed in the period counts 90 hours at once; one from before does not", () => {
    expect(cpdProgress([], [d("2025-07-01")], period, "SOCIAL_WORKER", S)).toMatchObject({ countedHours: 90, met: true, degreeInPeriod: true });
    expect(cpdProgress([], [d("2024-05-01")], period, "SOCIAL_WORKER", S)).toMatchObject({ countedHours: 0, met: false, degreeInPeriod: false });
  });

  it("exactly the required hours meet it", () => {
    expect(cpdProgress([line("2025-01-01", 72)], [], period, "ASSISTANT_SOCIAL_WORKER", S).met).toBe(true);
    expect(cpdProgress([line("2025-01-01", 71.5)], [], period, "ASSISTANT_SOCIAL_WORKER", S).met).toBe(false);
  });

  it("renewal: refused before the hours are met, while a request is open, or for an unverified certificate", () => {
    const met = cpdProgress([line("2025-01-01", 90)], [], period, "SOCIAL_WORKER", S);
    const short = cpdProgress([line("2025-01-01", 89.5)], [], period, "SOCIAL_WORKER", S);
    expect(renewalBlocker({ certificateVerified: true, progress: met, openRequest: false })).toBeNull();
    expect(renewalBlocker({ certificateVerified: true, progress: short, openRequest: false })).toBe("renewalHoursNotMet");
    expect(renewalBlocker({ certificateVerified: true, progress: met, openRequest: true })).toBe("renewalAlreadyRequested");
    expect(renewalBlocker({ certificateVerified: false, progress: met, openRequest: false })).toBe("renewalNotVerified");
  });
});

describe("hours an activity can give", () => {
  it("days × the daily limit, both ends included", () => {
    expect(activityDays(d("2025-03-01"), d("2025-03-01"))).toBe(1);
    expect(activityDays(d("2025-02-27"), d("2025-03-01"))).toBe(3);
    expect(maxHoursFor(d("2025-02-27"), d("2025-03-01"), S)).toBe(24);
  });
});

describe("reminders", () => {
  const end = d("2027-05-01");
  it("90, 30 and 7 days before the end: the nearest threshold reached, none beyond 90 or after the end", () => {
    expect(reminderDue(end, d("2027-01-30"))).toBeNull(); // 91 days
    expect(reminderDue(end, d("2027-01-31"))).toBe(90);
    expect(reminderDue(end, d("2027-04-01"))).toBe(30);
    expect(reminderDue(end, d("2027-04-23"))).toBe(30); // 8 days
    expect(reminderDue(end, d("2027-04-24"))).toBe(7);
    expect(reminderDue(end, d("2027-05-01"))).toBe(7);
    expect(reminderDue(end, d("2027-05-02"))).toBeNull();
  });
});

describe("submitted hours: bad input is refused with a catalogue key", () => {
  const ok = { practitionerId: "p1", kind: "EXTERNAL", title: "研讨会", provider: "市社工协会", startDate: "2025-03-01", endDate: "2025-03-02", hours: "12.5" };
  const problem = (over: Record<string, string>) => {
    const r = ZSubmitCpdEntry.safeParse({ ...ok, ...over });
    return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
  };

  it("accepts whole and half hours and gives half hours", () => {
    const r = ZSubmitCpdEntry.parse(ok);
    expect(r.halfHours).toBe(25);
    expect(ZHours.parse("6")).toBe(12);
  });

  it("refuses negative, zero, non-numbers and more than 999 hours", () => {
    expect(problem({ hours: "-3" })).toEqual(["hours:cpdHours"]);
    expect(problem({ hours: "0" })).toEqual(["hours:cpdHours"]);
    expect(problem({ hours: "abc" })).toEqual(["hours:cpdHours"]);
    expect(problem({ hours: "1000" })).toEqual(["hours:cpdHours"]);
  });

  it("refuses fractions finer than half hours", () => {
    expect(problem({ hours: "2.25" })).toEqual(["hours:cpdHalfHours"]);
    expect(problem({ hours: "2.3" })).toEqual(["hours:cpdHalfHours"]);
  });

  it("refuses an end before the start, an end in the future, a kind that is not submitted by hand", () => {
    expect(problem({ startDate: "2025-03-05", endDate: "2025-03-02" })).toEqual(["endDate:cpdEndBeforeStart"]);
    const tomorrow = iso(new Date(d(todayInCityIso()).getTime() + 86_400_000));
    expect(problem({ endDate: tomorrow })).toEqual(["endDate:dateInFuture"]);
    expect(problem({ kind: "DEGREE_STUDY" })).toEqual(["kind:required"]);
  });
});
