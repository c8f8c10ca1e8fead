import { describe, expect, it } from "vitest";
import { checkIdNumber, idNumberBirthDate } from "@/lib/id-number";
import { idNumberFor, randomIdNumber, validIdNumber, withWrongCheckDigit } from "@/server/seed/id-numbers";

// The ID numbers the demo seed and the tests make are valid GB 11643 numbers with the asked-for facts.
const male = (id: string) => Number(id[16]) % 2 === 1;

describe("seed ID numbers", () => {
  it("idNumberFor is deterministic and encodes area, birth day and gender", () => {
    const id = idNumberFor("990101", new Date(Date.UTC(1988, 6, 9)), 7, "FEMALE");
    expect(id).toBe(idNumberFor("990101", new Date(Date.UTC(1988, 6, 9)), 7, "FEMALE"));
    expect(checkIdNumber(id)).toBeNull();
    expect(id.slice(0, 14)).toBe("99010119880709");
    expect(male(id)).toBe(false);
    expect(male(idNumberFor("990101", new Date(Date.UTC(1988, 6, 9)), 7, "MALE"))).toBe(true);
  });

  it("validIdNumber gives a new valid number each time, with the birth day and gender asked for", () => {
    const ids = Array.from({ length: 300 }, (_, i) => validIdNumber({ birth: "19920304", gender: i % 2 ? "MALE" : "FEMALE" }));
    expect(new Set(ids).size).toBe(300);
    ids.forEach((id, i) => {
      expect(checkIdNumber(id), id).toBeNull();
      expect(idNumberBirthDate(id)).toEqual(new Date(Date.UTC(1992, 2, 4)));
      expect(male(id)).toBe(i % 2 === 1);
    });
  });

  it("randomIdNumber never repeats in a process and keeps the gender; withWrongCheckDigit breaks only the check", () => {
    const ids = Array.from({ length: 500 }, (_, i) => randomIdNumber(i % 2 ? "MALE" : "FEMALE"));
    expect(new Set(ids).size).toBe(500);
    ids.forEach((id, i) => {
      expect(checkIdNumber(id), id).toBeNull();
      expect(male(id)).toBe(i % 2 === 1);
      expect(checkIdNumber(withWrongCheckDigit(id))).toBe("checkDigit");
    });
  });
});
