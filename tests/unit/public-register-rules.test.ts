import { describe, expect, it } from "vitest";
import { compareForReport, csvCell, normaliseName, normaliseNumber, parseCertificateNumbers, publicStatus, toCsv } from "@/domain/public-register/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("publicStatus", () => {
  const today = "2026-03-15";
  it.each([
    ["VERIFIED", "2026-03-16", "valid"],
    ["VERIFIED", "2026-03-15", "valid"], // the last day is still valid
    ["VERIFIED", "2026-03-14", "expired"],
    ["VERIFIED", null, "valid"],
    ["EXPIRED", "2030-01-01", "expired"],
    ["EXPIRED", null, "expired"],
    ["REVOKED", "2030-01-01", "revoked"],
    ["REVOKED", "2020-01-01", "revoked"],
    ["SUBMITTED", "2030-01-01", null],
    ["REJECTED", "2030-01-01", null],
    ["SOMETHING_ELSE", null, null],
  ])("%s until %s → %s", (status, until, expected) => {
    expect(publicStatus(status, until ? d(until) : null, today)).toBe(expected);
  });
});

describe("compareForReport", () => {
  it("valid before expired before revoked; later validity first", () => {
    const rows = [
      { status: "revoked" as const, validUntil: "2030-01-01" },
      { status: "expired" as const, validUntil: "2024-01-01" },
      { status: "valid" as const, validUntil: "2027-01-01" },
      { status: "valid" as const, validUntil: null },
      { status: "expired" as const, validUntil: "2025-01-01" },
    ];
    expect([...rows].sort(compareForReport)).toEqual([rows[3], rows[2], rows[4], rows[1], rows[0]]);
  });
});

describe("normalising input", () => {
  it("numbers lose spaces, quotes and full-width forms", () => {
    expect(normaliseNumber("  SW 2024 0001 ")).toBe("SW20240001");
    expect(normaliseNumber('"SW1"')).toBe("SW1");
    expect(normaliseNumber("ＳＷ１２３")).toBe("SW123");
    expect(normaliseNumber("   ")).toBe("");
  });
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
  it("quoted cells may hold separators", () => {
    expect(parseCertificateNumbers('"A,1",B2')).toEqual(["A,1", "B2"]);
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
