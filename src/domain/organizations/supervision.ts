import { z } from "zod";
import { ZRecordRef } from "@/domain/common/record-ref";

// The supervising department (主管部门) of an organisation: the education bureau of a school, the
// health commission of a hospital, civil affairs of a welfare institution. Government departments
// themselves have none here (they answer to their government, not to another department), and the
// supervisor is always a government department. Messages are catalogue keys under "validation".

/** May an organisation of `kind` have a supervising department? */
export function takesSupervisingDepartment(kind: string): boolean {
  return kind !== "GOVERNMENT_DEPARTMENT";
}

export const ZSetSupervisingDepartment = ZRecordRef.extend({
  /** Empty: no supervising department. */
  supervisingDepartmentId: z
    .string()
    .trim()
    .max(64, "invalid")
    .transform((v) => (v ? v : null)),
});
export type TSetSupervisingDepartment = z.infer<typeof ZSetSupervisingDepartment>;
