import { ErrorCode } from '@partneratlas/shared';
import { DomainException } from '../../common/exceptions/domain.exception';

/** Same message for unknown users, wrong passwords and disabled accounts: nothing to enumerate. */
export class InvalidCredentialsException extends DomainException {
  constructor() {
    super(ErrorCode.UNAUTHENTICATED, 'E-Mail oder Passwort ist falsch. / Email or password is wrong.');
  }
}

export class LoginThrottledException extends DomainException {
  constructor(retryAfterSeconds: number) {
    super(
      ErrorCode.TOO_MANY_REQUESTS,
      `Zu viele fehlgeschlagene Anmeldungen; bitte in ${Math.ceil(retryAfterSeconds / 60)} Minuten erneut versuchen. / Too many failed sign-ins; try again later.`,
      { retryAfterSeconds },
    );
  }
}

export class UnauthenticatedException extends DomainException {
  constructor(message = 'Sign-in required') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenException extends DomainException {
  constructor(message = 'Not allowed') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class WeakPasswordException extends DomainException {
  constructor(problem: string, field = 'password') {
    super(ErrorCode.BAD_USER_INPUT, problem, { fields: [{ field, problems: [problem] }] });
  }
}
