import "server-only";

/** A region's or organisation's name in the three languages (localName picks one), with its id. */
export const namedSelect = { id: true, name: true, nameHant: true, nameEn: true } as const;

/** The three names without the id, for a relation that is only shown. */
export const nameOnlySelect = { name: true, nameHant: true, nameEn: true } as const;
