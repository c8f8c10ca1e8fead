/** Why an action was refused before it ran: nobody signed in, or the matrix says no. Keys under "errors". */
export type TAuthzErrorCode = "unauthenticated" | "forbidden";
