// Test data for the staff import: valid resident ID numbers that collide with nothing else, and
// .xlsx files built with exceljs the way a user's spreadsheet would be.
import { randomInt } from "node:crypto";
import ExcelJS from "exceljs";
import { idNumberCheckChar } from "@/lib/id-number";
import { IMPORT_COLUMNS } from "@/domain/staff/import-columns";

const used = new Set<string>();

/** A valid GB 11643 number with a random birth date and sequence (never the same twice in a process). */
export function randomIdNumber(gender?: "MALE" | "FEMALE"): string {
  for (;;) {
    const birth = new Date(Date.UTC(1960 + randomInt(40), randomInt(12), 1 + randomInt(28)));
    const ymd = birth.toISOString().slice(0, 10).replaceAll("-", "");
    const seq = String(randomInt(100)).padStart(2, "0");
    let digit = randomInt(10);
    if (gender === "MALE" && digit % 2 === 0) digit = (digit + 1) % 10;
    if (gender === "FEMALE" && digit % 2 === 1) digit = (digit + 1) % 10;
    const first17 = `${310101 + randomInt(800)}${ymd}${seq}${digit}`;
    const id = `${first17}${idNumberCheckChar(first17)}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** The same number with a wrong check character. */
export function withWrongCheckDigit(id: string): string {
  const right = id[17]!;
  const wrong = right === "0" ? "1" : "0";
  return `${id.slice(0, 17)}${wrong}`;
}

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
