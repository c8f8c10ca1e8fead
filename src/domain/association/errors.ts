// Codes of the association's membership register: full keys in the "association" namespace.

export type TAssociationErrorCode = "association.errors.invalidTransition";

export type TAssociationFieldErrorCode = `association.validation.${"memberNotFound" | "agencyNotActive" | "practitionerNotActive" | "alreadyMember" | "endBeforeJoin"}`;
