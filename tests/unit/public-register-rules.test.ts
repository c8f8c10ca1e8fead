import { describe, expect, it } from "vitest";
import { compareForReport, csvCell, normaliseName, parseCertificateNumbers, publicRegistration, publicStatus, toCsv } from "@/domain/public-register/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("publicStatus: a certificate is permanent", () => {
  it.each([
    ["VERIFIED", "valid"],
    ["EXPIRED", "valid"], // history from before certificates were permanent
    ["REVOKED", "revoked"],
    ["SUBMITTED", null],
    ["REJECTED", null],
    ["SOMETHING_ELSE", null],
  ])("%s → %s", (status, expected) => {
    expect(publicStatus(status)).toBe(expected);
  });
});

describe("publicRegistration", () => {
  const today = "2026-03-15";
  it("current through its last day inclusive, lapsed after, none without a registration", () => {
    expect(publicRegistration(d("2026-03-16"), today)).toEqual({ status: "current", periodEnd: "2026-03-16" });
    expect(publicRegistration(d("2026-03-15"), today)).toEqual({ status: "current", periodEnd: "2026-03-15" });
    expect(publicRegistration(d("2026-03-14"), today)).toEqual({ status: "lapsed", periodEnd: "2026-03-14" });
    expect(publicRegistration(null, today)).toBeNull();
  });
});

describe("compareForReport", () => {
  it("valid before revoked; the latest registration first, unregistered last", () => {
    const rows = [
      { status: "revoked" as const, registration: { status: "current" as const, periodEnd: "2030-01-01" } },
      { status: "valid" as const, registration: { status: "lapsed" as const, periodEnd: "2024-01-01" } },
      { status: "valid" as const, registration: { status: "current" as const, periodEnd: "2027-01-01" } },
      { status: "valid" as const, registration: null },
    ];
    expect([...rows].sort(compareForReport)).toEqual([rows[2], rows[1], rows[3], rows[0]]);
  });
});

describe("normalising input", () => {
  it("names are trimmed with inner runs collapsed", () => {
    expect(normaliseName("  王芳 ")).toBe("王芳");
    expect(normaliseName("Wang   Fang")).toBe("Wang Fang");
  });
});

describe("parseCertificateNumbers", () => {
  it("one per line, comma-separated (also full-width), blank lines and duplicates dropped", () => {
    expect(parseCertificateNumbers("A1\nA2, A3\r\n\nA1，A4、A5;A6\tA7")).toEqual(["A1", "A2", "A3", "A4", "A5", "A6", "A7"]);
  });
  it("an uploaded CSV with a BOM and a header: only the certificate-number column", () => {
    expect(parseCertificateNumbers("\uFEFF姓名,证书编号\r\n王芳,SW001\r\n李强,\"SW002\"\r\n")).toEqual(["SW001", "SW002"]);
    expect(parseCertificateNumbers("name,certificate number\nWang,SW9\n")).toEqual(["SW9"]);
  });
  it("a single-column CSV with a header line", () => {
    expect(parseCertificateNumbers("证书编号\nSW1\nSW2")).toEqual(["SW1", "SW2"]);
  });
  it("a first line with digits is data, not a header", () => {
    expect(parseCertificateNumbers("SW1,SW2\nSW3")).toEqual(["SW1", "SW2", "SW3"]);
  });
  it("quoted cells may hold separators (a number's own punctuation is dropped)", () => {
    expect(parseCertificateNumbers('"A,1",B2')).toEqual(["A1", "B2"]);
  });
  it("numbers come out canonical, so one typed several ways is checked once", () => {
    expect(parseCertificateNumbers("zj-2019-01 00123\nＺＪ２０１９０１００１２３\n\"ZJ 2019 0100123\"\ngj—2020・0007")).toEqual(["ZJ20190100123", "GJ20200007"]);
  });
  it("a first line of full-width digits is data, not a header", () => {
    expect(parseCertificateNumbers("ＺＪ１２３\nZJ124")).toEqual(["ZJ123", "ZJ124"]);
  });
  it("empty input gives nothing", () => {
    expect(parseCertificateNumbers("")).toEqual([]);
    expect(parseCertificateNumbers(" \n , \n")).toEqual([]);
  });
});

describe("CSV output", () => {
  it("starts with a BOM, ends lines with CRLF, quotes where needed", () => {
    expect(toCsv([["a", "b"], ["王芳", 'x,"y"']])).toBe('\uFEFFa,b\r\n王芳,"x,""y"""\r\n');
  });
  it("neutralises spreadsheet formulas in submitted text", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("SW-1")).toBe("SW-1");
  });
});
