import { describe, expect, it } from "vitest";
import { addYears, isNotInFuture, isoDay, parseIsoDay, todayInCity, todayInCityIso, utcDay, ZDay, ZPastDay } from "@/domain/common/calendar-day";
import { dayFormatter, monthFormatter, instantDayFormatter, momentFormatter, formatIsoDay } from "@/domain/common/day-format";
import { ZSubmitCredential } from "@/domain/credentials/schemas";
import { ZPlanTarget } from "@/domain/plan/schemas";

describe("today in the city", () => {
  it("is the calendar day in UTC+8, as midnight UTC and as YYYY-MM-DD", () => {
    expect(todayInCity(new Date("2026-03-14T15:59:59Z")).toISOString()).toBe("2026-03-14T00:00:00.000Z");
    expect(todayInCity(new Date("2026-03-14T16:00:00Z")).toISOString()).toBe("2026-03-15T00:00:00.000Z");
    expect(todayInCityIso(new Date("2026-01-31T15:30:00Z"))).toBe("2026-01-31");
    expect(todayInCityIso(new Date("2026-01-31T16:30:00Z"))).toBe("2026-02-01");
    expect(todayInCityIso(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });
});

describe("utcDay", () => {
  it("is the UTC calendar day of an instant or an ISO string, at midnight UTC", () => {
    expect(utcDay(new Date("2026-03-14T23:59:59Z")).toISOString()).toBe("2026-03-14T00:00:00.000Z");
    expect(utcDay("2026-03-14T00:00:00Z").toISOString()).toBe("2026-03-14T00:00:00.000Z");
  });
});

describe("isoDay", () => {
  it("writes a stored day as YYYY-MM-DD and keeps null as null", () => {
    expect(isoDay(new Date(Date.UTC(2024, 1, 29)))).toBe("2024-02-29");
    expect(isoDay(null)).toBeNull();
    expect(isoDay(undefined)).toBeNull();
  });
});

describe("parseIsoDay and ZDay", () => {
  it("accept real calendar days between 1900 and 2200 only", () => {
    expect(parseIsoDay("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseIsoDay("2023-02-29")).toBeNull();
    expect(parseIsoDay("2023-2-1")).toBeNull();
    expect(parseIsoDay("1899-12-31")).toBeNull();
    expect(parseIsoDay("2201-01-01")).toBeNull();
  });

  it("ZDay trims, turns a day into midnight UTC and refuses anything else with the key \"date\"", () => {
    expect(ZDay.parse(" 2024-03-01 ").toISOString()).toBe("2024-03-01T00:00:00.000Z");
    for (const bad of ["2024-02-30", "01/03/2024", "2024-03-01T00:00", "tomorrow"]) {
      const r = ZDay.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(new Set(r.error!.issues.map((i) => i.message)), bad).toEqual(new Set(["date"]));
    }
  });

  it("the credential form keeps its days as strings from 1950 on; the plan starts in this century", () => {
    const base = { practitionerId: "p1", kind: "SOCIAL_WORKER", number: "SW-1", issuingAuthority: "部", issueDate: "2024-03-01", registrationNumber: "DJ-1", registrationStart: "2024-05-02" };
    expect(ZSubmitCredential.parse(base)).toMatchObject({ issueDate: "2024-03-01", registration: { number: "DJ1", start: "2024-05-02" } });
    expect(ZSubmitCredential.safeParse({ ...base, issueDate: "1949-12-31" }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["issueDate", "date"]]);
    expect(ZSubmitCredential.safeParse({ ...base, issueDate: "1950-01-01" }).success).toBe(true);
    const plan = { startValue: "1", yearlyTarget: "1", version: "0" };
    expect(ZPlanTarget.parse({ ...plan, startDate: "2025-01-01" }).startDate.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(ZPlanTarget.safeParse({ ...plan, startDate: "1999-12-31" }).error?.issues.map((i) => i.message)).toEqual(["date"]);
    expect(ZPlanTarget.safeParse({ ...plan, startDate: "" }).error?.issues.map((i) => i.message)).toEqual(["required"]);
  });
});

describe("day formatting", () => {
  const format = { dateTime: (d: Date, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en", o).format(d) };

  it("shows a stored day as that same day whatever the server's zone, and a dash for none", () => {
    const day = dayFormatter(format);
    expect(day(new Date(Date.UTC(2025, 2, 1)))).toBe("Mar 1, 2025");
    expect(day("2025-03-01")).toBe("Mar 1, 2025");
    expect(day(null)).toBe("—");
    expect(dayFormatter(format, { none: "open" })(undefined)).toBe("open");
    expect(monthFormatter(format)("2025-03")).toBe("Mar 2025");
  });

  it("writes a day one way per language, alone, in a moment and outside React", () => {
    const zh = { dateTime: (d: Date, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("zh-Hans", { timeZone: "Asia/Shanghai", ...o }).format(d) };
    const at = new Date("2025-03-01T06:05:00Z"); // 14:05 in the city
    expect(dayFormatter(zh)("2025-03-01")).toBe("2025年3月1日");
    expect(instantDayFormatter(zh)(at)).toBe("2025年3月1日");
    expect(momentFormatter(zh)(at)).toBe("2025年3月1日 14:05");
    expect(momentFormatter(zh, { seconds: true })(at)).toBe("2025年3月1日 14:05:00");
    expect(formatIsoDay("zh-Hans", "2025-03-01")).toBe("2025年3月1日");
    expect(formatIsoDay("en", "2025-03-01")).toBe("Mar 1, 2025");
  });
});

describe("days that have already come", () => {
  const today = todayInCity(new Date("2026-03-14T20:00:00Z")); // 15 March in the city

  it("today in the city is not in the future, tomorrow is", () => {
    expect(isNotInFuture(new Date(Date.UTC(2026, 2, 15)), today)).toBe(true);
    expect(isNotInFuture(new Date(Date.UTC(1990, 0, 1)), today)).toBe(true);
    expect(isNotInFuture(new Date(Date.UTC(2026, 2, 16)), today)).toBe(false);
  });

  it("ZPastDay refuses a day after today in the city with dateInFuture, a malformed one with date", () => {
    const now = todayInCity();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    expect(ZPastDay.parse(iso(now)).getTime()).toBe(now.getTime());
    expect(ZPastDay.safeParse(iso(new Date(now.getTime() + 86_400_000))).error?.issues.map((i) => i.message)).toEqual(["dateInFuture"]);
    expect(ZPastDay.safeParse(iso(addYears(now, 10))).error?.issues.map((i) => i.message)).toEqual(["dateInFuture"]);
    expect(ZPastDay.safeParse("2025-02-30").error?.issues.map((i) => i.message)).toEqual(["date"]);
  });
});

describe("addYears", () => {
  it("keeps the calendar day, and 29 February falls on 1 March in a common year", () => {
    expect(isoDay(addYears(new Date(Date.UTC(1990, 0, 15)), 16))).toBe("2006-01-15");
    expect(isoDay(addYears(new Date(Date.UTC(2008, 1, 29)), 16))).toBe("2024-02-29");
    expect(isoDay(addYears(new Date(Date.UTC(2008, 1, 29)), 17))).toBe("2025-03-01");
    expect(isoDay(addYears(new Date(Date.UTC(2026, 2, 15)), -100))).toBe("1926-03-15");
  });
});
