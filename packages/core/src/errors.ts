/**
 * The errors a service may throw. They say what went wrong in the domain's terms; the server
 * maps each to an HTTP status and the `{ error: { code, message, details } }` shape in one
 * place, so services stay free of HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'invalid-input' | 'not-found' | 'forbidden' | 'conflict' | 'unauthenticated' | 'too-many-attempts';

  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request value the domain rejects; `field` names it as the client sent it. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid-input';

  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`, { field });
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';

  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** Nobody is signed in (or the credentials are wrong) where an account is needed. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}

/** Too many failed attempts (sign-in throttling); the caller may retry after `retryAfterSeconds`. */
export class TooManyAttemptsError extends DomainError {
  readonly kind = 'too-many-attempts';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}
