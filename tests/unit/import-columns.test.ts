import { describe, expect, it } from "vitest";
import { buildLabelIndex, cellText, IMPORT_COLUMNS, normaliseDay, rowToFormInput } from "@/domain/staff/import-columns";
import { LOCALES } from "@/lib/locales";
import { loadMessages } from "@/i18n/load-messages";

const index = buildLabelIndex(LOCALES.map((l) => loadMessages(l)));

describe("column headers", () => {
  it("match the form's label in any of the three languages, with or without the required star, or the field code", () => {
    const zh = loadMessages("zh-Hans") as { practitioners: { fields: Record<string, string> } };
    const en = loadMessages("en") as { practitioners: { fields: Record<string, string> } };
    for (const c of IMPORT_COLUMNS) {
      expect(index.headers.get(c.field.toLowerCase()), c.field).toBe(c.field);
      expect(index.headers.get(zh.practitioners.fields[c.field]!.replace(/\s/g, "").toLowerCase()), c.field).toBe(c.field);
      expect(index.headers.get(en.practitioners.fields[c.field]!.replace(/\s/g, "").toLowerCase()), c.field).toBe(c.field);
    }
    expect(index.headers.get("居民身份證號碼")).toBe("idNumber");
  });

  it("no two fields share a label (a header could not be read unambiguously)", () => {
    for (const l of LOCALES) {
      const fields = (loadMessages(l) as { practitioners: { fields: Record<string, string> } }).practitioners.fields;
      const labels = IMPORT_COLUMNS.map((c) => fields[c.field]);
      expect(new Set(labels).size, l).toBe(labels.length);
    }
  });
});

describe("cells to form input", () => {
  it("maps enum labels of any language and codes to values; unknown text passes through for the schema to refuse", () => {
    const input = rowToFormInput(
      { name: " 王 ", idNumber: "11010119920304002x ", gender: "女", degree: "Bachelor", major: "社會工作", professionalTitle: "deputy_senior", entryPath: "外部引进", talentTrack: "火箭" },
      index,
      "org1",
    );
    expect(input).toMatchObject({ name: "王", idNumber: "11010119920304002X", gender: "FEMALE", degree: "BACHELOR", major: "SOCIAL_WORK", professionalTitle: "DEPUTY_SENIOR", entryPath: "RECRUITED", talentTrack: "火箭", organizationId: "org1", awards: [] });
  });

  it("splits multi-value cells on 、 ; ； , ， and new lines; accepts the T3 code or the words alone", () => {
    const input = rowToFormInput({ practiceFields: "T3.3 学校、T3.4；残疾人服务,Migrant population", targetGroups: "老年人;\nCHILDREN ， 妇女" }, index, "o");
    expect(input.practiceFields).toEqual(["SCHOOLS", "HOSPITALS", "DISABILITY", "MIGRANTS"]);
    expect(input.targetGroups).toEqual(["ELDERLY", "CHILDREN", "WOMEN"]);
    expect(rowToFormInput({ practiceFields: "" }, index, "o").practiceFields).toEqual([]);
  });

  it("normalises the usual ways of writing a day; leaves anything else for the schema", () => {
    expect(normaliseDay("2024-3-1")).toBe("2024-03-01");
    expect(normaliseDay("2024/03/01")).toBe("2024-03-01");
    expect(normaliseDay("2024.3.01")).toBe("2024-03-01");
    expect(normaliseDay("2024年3月1日")).toBe("2024-03-01");
    expect(normaliseDay("01/03/2024")).toBe("01/03/2024");
    expect(normaliseDay("")).toBe("");
  });

  it("reads exceljs cell values: dates as UTC days, numbers, rich text, formula results, hyperlinks", () => {
    expect(cellText(new Date(Date.UTC(2024, 2, 1)))).toBe("2024-03-01");
    expect(cellText(2014)).toBe("2014");
    expect(cellText({ richText: [{ text: "王" }, { text: "小红 " }] })).toBe("王小红");
    expect(cellText({ formula: "A1", result: "x" })).toBe("x");
    expect(cellText({ text: "a@b.cn", hyperlink: "mailto:a@b.cn" })).toBe("a@b.cn");
    expect(cellText(null)).toBe("");
    expect(cellText(true)).toBe("TRUE");
  });
});
