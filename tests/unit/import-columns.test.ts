import { describe, expect, it } from "vitest";
import { buildLabelIndex, cellToText, IMPORT_COLUMNS, normaliseDay, rowToFormInput } from "@/domain/staff/import-columns";
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

  it("reads cells as their column takes them: date cells and serial days in date columns, numbers as digits, lost digits of an ID or certificate number flagged", () => {
    expect(cellToText({ t: "number", value: 45352, date: true }, "date")).toEqual({ text: "2024-03-01" });
    expect(cellToText({ t: "number", value: 45352.75, date: false }, "date")).toEqual({ text: "2024-03-01" }); // a bare serial day, with a time of day
    expect(cellToText({ t: "number", value: 45352, date: true }, "date", true)).toEqual({ text: "2028-03-02" }); // the 1904 date system
    expect(cellToText({ t: "date", iso: "2024-03-01T00:00:00Z" }, "date")).toEqual({ text: "2024-03-01" });
    expect(cellToText({ t: "number", value: 13800000000, date: false }, "text")).toEqual({ text: "13800000000" });
    expect(cellToText({ t: "number", value: 2014, date: false }, "year")).toEqual({ text: "2014" });
    expect(cellToText({ t: "number", value: 110101199203040028, date: false }, "id")).toEqual({ text: "110101199203040032", problem: "idNumberAsNumber" });
    expect(cellToText({ t: "number", value: 2020350111000999, date: false }, "number")).toEqual({ text: "2020350111000999", problem: "certificateNumberAsNumber" });
    expect(cellToText({ t: "number", value: 123456, date: false }, "number")).toEqual({ text: "123456" });
    expect(cellToText({ t: "text", text: " 王小红 " }, "text")).toEqual({ text: "王小红" });
    expect(cellToText({ t: "bool", value: true }, "text")).toEqual({ text: "TRUE" });
    expect(cellToText(undefined, "text")).toEqual({ text: "" });
  });

  it("certificate levels answer to the labels of all three languages (with or without the bracketed part) and the code", () => {
    const level = index.values.get("certificateLevel")!;
    for (const [label, code] of [
      ["社会工作师", "SOCIAL_WORKER"],
      ["社會工作師", "SOCIAL_WORKER"],
      ["Social worker (intermediate)", "SOCIAL_WORKER"],
      ["social worker", "SOCIAL_WORKER"],
      ["助理社会工作师", "ASSISTANT_SOCIAL_WORKER"],
      ["高級社會工作師", "SENIOR_SOCIAL_WORKER"],
      ["SENIOR_SOCIAL_WORKER", "SENIOR_SOCIAL_WORKER"],
    ]) {
      expect(level.get(label!.replace(/\s/g, "").toLowerCase()), label).toBe(code);
    }
    expect(level.has("社会工作专业学历")).toBe(false); // a degree is not a certificate level
  });

  it("normalises a day written with a time of day or as eight digits", () => {
    expect(normaliseDay("2024-03-01 00:00:00")).toBe("2024-03-01");
    expect(normaliseDay("2024/3/1 0:00")).toBe("2024-03-01");
    expect(normaliseDay("20240301")).toBe("2024-03-01");
  });
});
