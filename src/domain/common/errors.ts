/** Thrown when a `version` check fails: someone else saved the record first. */
export class StaleEditError extends Error {
  constructor() {
    super("stale");
  }
}

/** A domain rule refused the change; `code` is a message key under "errors". */
export class DomainError extends Error {
  constructor(public readonly code: string, public readonly field?: string) {
    super(code);
  }
}
