// Test data for the staff import: rows for new people and .xlsx files built with exceljs the way
// a user's spreadsheet would be.
import { randomInt } from "node:crypto";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS } from "@/domain/staff/import-columns";
import { randomIdNumber } from "@/server/seed/id-numbers";

export type TStaffRow = Partial<Record<(typeof IMPORT_COLUMNS)[number]["field"], string | Date | number>>;

/** A valid row for a new person (codes for enumerations; labels work too). */
export function staffRow(overrides: TStaffRow = {}): TStaffRow {
  return {
    name: `导入${randomInt(1_000_000)}`,
    idNumber: randomIdNumber(),
    phone: "13800000000",
    degree: "BACHELOR",
    major: "SOCIAL_WORK",
    professionalTitle: "NONE",
    employmentType: "AGENCY_STAFF",
    hireDate: "2024-03-01",
    practiceFields: "CIVIL_AFFAIRS;SCHOOLS",
    targetGroups: "ELDERLY",
    talentTrack: "FRONTLINE",
    entryPath: "RECRUITED",
    entryDate: "2024-03-01",
    ...overrides,
  };
}

/** An .xlsx with one header row (field codes by default, or the given header labels) and the rows. */
export async function staffWorkbook(rows: TStaffRow[], headers?: Record<string, string>, fields = IMPORT_COLUMNS.map((c) => c.field)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Staff");
  sheet.addRow(fields.map((f) => headers?.[f] ?? f));
  for (const r of rows) sheet.addRow(fields.map((f) => r[f as keyof TStaffRow] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const upload = (bytes: Buffer, name = "staff.xlsx") => ({ name, bytes: new Uint8Array(bytes) });
