import { ErrorCode } from '@partneratlas/shared';
import { BadUserInputException, DomainException } from '../../common/exceptions/domain.exception';

export class GuidingGoalNotFoundException extends DomainException {
  constructor(id: string) {
    super(ErrorCode.NOT_FOUND, `Guiding goal ${id} was not found`, { id });
  }
}

export class EvaluationSnapshotNotFoundException extends DomainException {
  constructor(id: string) {
    super(ErrorCode.NOT_FOUND, `Evaluation snapshot ${id} was not found`, { id });
  }
}

/** The goal changed since the version the edit was based on; carries the current version and values to merge. */
export class GuidingGoalConflictException extends DomainException {
  constructor(id: string, currentVersion: number, current: Record<string, unknown>) {
    super(ErrorCode.CONFLICT, `Guiding goal ${id} was changed by someone else (now version ${currentVersion}); nothing was overwritten`, {
      currentVersion,
      current,
    });
  }
}

/** One input field is wrong; `field` is the argument path (e.g. "input.date"). */
export class InvalidEvaluationInputException extends BadUserInputException {
  constructor(field: string, problem: string) {
    super(`Invalid input: ${field}: ${problem}`, { fields: [{ field, problems: [problem] }] });
  }
}
