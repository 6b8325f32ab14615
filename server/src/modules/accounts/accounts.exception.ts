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

export class UserNotFoundException extends DomainException {
  constructor(id: string) {
    super(ErrorCode.NOT_FOUND, `Benutzer ${id} nicht gefunden. / User ${id} was not found.`, { id });
  }
}

/** The stored user changed since the client read it; the client reloads and reapplies its edit. */
export class UserVersionConflictException extends DomainException {
  constructor(currentVersion: number) {
    super(
      ErrorCode.CONFLICT,
      'Der Benutzer wurde inzwischen geändert; bitte neu laden. / The user was changed in the meantime; reload and try again.',
      { currentVersion },
    );
  }
}

/** Why an invitation token does not (or no longer) work; sent as extensions.reason. */
export enum InvitationClosedReason {
  UNKNOWN = 'UNKNOWN',
  EXPIRED = 'EXPIRED',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
}

const INVITATION_MESSAGES: Record<InvitationClosedReason, string> = {
  [InvitationClosedReason.UNKNOWN]: 'Diese Einladung gibt es nicht. / This invitation does not exist.',
  [InvitationClosedReason.EXPIRED]:
    'Diese Einladung ist abgelaufen; bitte lassen Sie sich erneut einladen. / This invitation has expired; please ask for a new one.',
  [InvitationClosedReason.ACCEPTED]:
    'Diese Einladung wurde bereits angenommen; bitte melden Sie sich an. / This invitation has already been used; please sign in.',
  [InvitationClosedReason.REVOKED]: 'Diese Einladung wurde zurückgezogen. / This invitation has been revoked.',
};

export class InvitationNotFoundException extends DomainException {
  constructor(reason: InvitationClosedReason) {
    super(ErrorCode.NOT_FOUND, INVITATION_MESSAGES[reason], { reason });
  }
}

/** Input that names one field (BAD_USER_INPUT with extensions.fields, like the validation pipe). */
export class InvalidAccountInputException extends DomainException {
  constructor(field: string, problem: string) {
    super(ErrorCode.BAD_USER_INPUT, problem, { fields: [{ field, problems: [problem] }] });
  }
}

export class MailDeliveryException extends DomainException {
  constructor() {
    super(
      ErrorCode.INTERNAL_SERVER_ERROR,
      'Die Einladung konnte nicht versendet werden; bitte später erneut versuchen. / The invitation mail could not be sent; try again later.',
    );
  }
}
