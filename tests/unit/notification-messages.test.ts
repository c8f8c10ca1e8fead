import { describe, expect, it } from "vitest";
import { renderNotification } from "@/server/notifications/notify";
import { LOCALES } from "@/lib/locales";
import { NOTIFICATION_KINDS, type TNotificationParams } from "@/domain/notifications/kinds";

const day = (locale: string, iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

// Every notification kind renders in every locale with its parameters filled in (the nested ICU
// selects included), so a reader never sees a raw key or a "{placeholder}".

const SAMPLES: { [K in keyof TNotificationParams]: TNotificationParams[K][] } = {
  registrationDue: [{ name: "李明", number: "DJ2024001", end: "2027-05-01", days: 30 }],
  credentialDecided: [
    { name: "李明", kind: "SOCIAL_WORKER", number: "ZJ001", decision: "VERIFIED", reason: "" },
    { name: "李明", kind: "SOCIAL_WORKER", number: "ZJ001", decision: "REJECTED", reason: "扫描件模糊" },
    { name: "李明", kind: "SOCIAL_WORKER", number: "ZJ001", decision: "REVOKED", reason: "证书编号不符" },
  ],
  cpdDecided: [
    { name: "李明", title: "儿童保护培训", hours: 12.5, decision: "VERIFIED", reason: "" },
    { name: "李明", title: "儿童保护培训", hours: 12.5, decision: "REJECTED", reason: "缺少学时证明" },
  ],
  renewalDecided: [
    { name: "李明", number: "DJ2024001", decision: "VERIFIED", start: "2027-05-02", end: "2030-05-01", reason: "" },
    { name: "李明", number: "DJ2024001", decision: "REJECTED", start: "", end: "", reason: "学时不足" },
  ],
  supervisionLogged: [{ name: "李明", supervisor: "周督导", date: "2027-05-01", hours: 1.5, topic: "个案复盘" }],
  supervisionConfirmDue: [{ name: "李明", supervisor: "周督导", date: "2027-05-01", hours: 2, topic: "个案复盘", days: 14 }],
  supervisionDisputed: [{ name: "李明", supervisor: "周督导", date: "2027-05-01", hours: 2, topic: "个案复盘", reason: "当天没有督导" }],
  trainingPromoted: [{ name: "李明", title: "儿童保护实务", reference: "PX-2027-0007", start: "2027-05-01" }],
  trainingCancelled: [{ name: "李明", title: "儿童保护实务", reference: "PX-2027-0007" }],
  trainingCompleted: [{ name: "李明", title: "儿童保护实务", reference: "PX-2027-0007", hours: 12.5 }],
  contractShortfall: [{ reference: "HT-2027-0001", agency: "示例市阳光社会工作服务中心", since: "2027-03-01", people: "李明、张伟" }],
  proposalDecided: [
    { reference: "FW-2027-0003", title: "社区养老服务项目", agency: "示例市阳光社会工作服务中心", outcome: "SELECTED" },
    { reference: "FW-2027-0003", title: "社区养老服务项目", agency: "示例市阳光社会工作服务中心", outcome: "NOT_SELECTED" },
  ],
  evaluationPublished: [{ reference: "PG-2027-0004", body: "示例市社会组织评估中心", subject: "示例市阳光社会工作服务中心", deadline: "2027-10-16" }],
  appealDecided: [
    { reference: "PG-2027-0004", subject: "示例市阳光社会工作服务中心", decision: "UPHELD", grade: "PASS" },
    { reference: "PG-2027-0004", subject: "示例市阳光社会工作服务中心", decision: "DISMISSED", grade: "FAIL" },
  ],
  evaluationAssigned: [{ reference: "PG-2027-0001", kind: "PERSONAL_APPRAISAL", target: "李明", due: "2027-05-01" }],
};
const ABOUT_AGENCY: readonly string[] = ["proposalDecided", "evaluationPublished", "appealDecided"];

describe("notifications render in every language", () => {
  for (const locale of LOCALES) {
    for (const kind of NOTIFICATION_KINDS) {
      it(`${locale} ${kind}`, () => {
        for (const params of SAMPLES[kind]) {
          const { title, body } = renderNotification(locale, kind, params);
          for (const text of [title, body]) {
            expect(text).not.toMatch(/[{}]|notifications\.kinds/);
            // Whom it is about: a person, or for a call's decision the agency that proposed.
            expect(text).toContain(ABOUT_AGENCY.includes(kind) ? "示例市阳光社会工作服务中心" : "李明");
          }
          if ("reason" in params && params.reason) expect(body).toContain(params.reason);
          if ("number" in params) expect(`${title}${body}`).toContain(params.number);
          if ("reference" in params) expect(`${title}${body}`).toContain(params.reference);
          // Days read as every page writes them in that language, never as YYYY-MM-DD.
          expect(`${title}${body}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
          if (kind === "registrationDue") expect(body).toContain(day(locale, "2027-05-01"));
          if (kind === "renewalDecided" && "decision" in params && params.decision === "VERIFIED") expect(body).toContain(day(locale, "2030-05-01"));
          if ("supervisor" in params) {
            expect(body).toContain(params.supervisor);
            expect(body).toContain(params.topic);
            expect(body).toContain(day(locale, "2027-05-01"));
          }
          if (kind === "trainingPromoted") expect(body).toContain(day(locale, "2027-05-01"));
          if (kind === "contractShortfall") expect(body).toContain(day(locale, "2027-03-01"));
          if (kind === "evaluationPublished") expect(body).toContain(day(locale, "2027-10-16"));
        }
      });
    }
  }
  it("a selected and a not-selected proposal are told apart, in every language", () => {
    for (const locale of LOCALES) {
      const [yes, no] = SAMPLES.proposalDecided.map((p) => renderNotification(locale, "proposalDecided", p));
      expect(yes!.title).not.toBe(no!.title);
      expect(yes!.body).not.toBe(no!.body);
    }
  });
  it("an upheld and a dismissed appeal are told apart, with the final grade, in every language", () => {
    for (const locale of LOCALES) {
      const [upheld, dismissed] = SAMPLES.appealDecided.map((p) => renderNotification(locale, "appealDecided", p));
      expect(upheld!.title).not.toBe(dismissed!.title);
      expect(upheld!.body).not.toBe(dismissed!.body);
    }
    expect(renderNotification("zh-Hans", "appealDecided", SAMPLES.appealDecided[0]!).body).toContain("合格");
    expect(renderNotification("zh-Hans", "appealDecided", SAMPLES.appealDecided[1]!).body).toContain("不合格");
  });
  it("the verified and rejected wordings differ", () => {
    const [ok, no] = SAMPLES.cpdDecided.map((p) => renderNotification("en", "cpdDecided", p).title);
    expect(ok).not.toBe(no);
  });
});
