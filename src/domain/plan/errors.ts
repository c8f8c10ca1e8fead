// Codes of the city's settings forms: full keys in the "servicesSettings" namespace.

export type TPlanFieldErrorCode = `servicesSettings.validation.${"belowExcellent" | "belowGood" | "below5A" | "below4A" | "below3A" | "amount"}`;
