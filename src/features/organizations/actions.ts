"use server";

import { setSupervisingDepartment } from "@/server/organizations/mutations";
import { formAction } from "@/features/action";
import { ZSetSupervisingDepartment } from "@/domain/organizations/supervision";

export const setSupervisingDepartmentAction = formAction({
  permission: "organizations.setSupervisingDepartment",
  schema: ZSetSupervisingDepartment,
  run: (input) => setSupervisingDepartment(input),
  revalidate: ["/organizations"],
  done: () => ({ redirect: "/organizations?saved=1" }),
});
