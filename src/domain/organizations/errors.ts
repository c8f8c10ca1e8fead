// Codes of the organisation directory: plain keys under "validation".

export type TOrganizationsFieldErrorCode = "supervisingDepartmentNotAllowed" | "supervisingDepartmentInvalid";
