/**
 * The few domain errors services throw. One handler (plugins/errors.ts) turns them into the one
 * error body `{statusCode, error, message}`; the message is shown to users as is, so it must say
 * what is wrong and, where it helps, what to do.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string) {
    super(400, message);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in first, or send a valid Authorization: Bearer token') {
    super(401, message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(403, message);
  }
}
/** Also used for objects the caller may not see, so ids cannot be probed. */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(404, `${what} not found`);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string) {
    super(409, message);
  }
}
export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super(413, message);
  }
}
export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super(415, message);
  }
}
export class TooManyRequestsError extends DomainError {
  constructor(message: string) {
    super(429, message);
  }
}
/** The input was understood but could not be processed in the time allowed (a hostile file). */
export class UnprocessableError extends DomainError {
  constructor(message: string) {
    super(422, message);
  }
}
