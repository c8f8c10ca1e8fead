// Codes of posts and assignments: full keys in the "posts" namespace.

export type TPostsErrorCode = `posts.errors.${"closed" | "alreadyEnded"}`;

export type TPostsFieldErrorCode = `posts.validation.${"wholeNumber" | "orgKind" | "toBeforeFrom" | "alreadyHolding" | "closedBeforeAssignment" | "practitionerNotAllowed"}`;
