import { ErrorCode } from '@partneratlas/shared';

/**
 * Base of every expected error. Modules subclass it with their own codes; the GraphQL error
 * formatter turns it into `extensions.code` (+ `details`, e.g. the current version on CONFLICT).
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputException extends DomainException {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, details);
  }
}

export class NotFoundException extends DomainException {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id });
  }
}
