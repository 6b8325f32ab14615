import { ErrorCode } from '@partneratlas/shared';
import { BadUserInputException, DomainException } from '../../common/exceptions/domain.exception';

/**
 * The entry changed since the version the edit was based on. Carries what the client needs to merge:
 * the current version and the stored editable fields.
 */
export class EditConflictException extends DomainException {
  constructor(entity: string, id: string, currentVersion: number | null, current: Record<string, unknown> | null) {
    super(
      ErrorCode.CONFLICT,
      currentVersion === null
        ? `${entity} ${id} was changed or removed by someone else`
        : `${entity} ${id} was changed by someone else (now version ${currentVersion}); nothing was overwritten`,
      { currentVersion, current },
    );
  }
}

/** One or more input fields are wrong; `field` is the argument path (e.g. "input.name"). */
export class InvalidEditException extends BadUserInputException {
  constructor(problems: { field: string; problem: string }[]) {
    super(`Invalid input: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`, {
      fields: problems.map((p) => ({ field: p.field, problems: [p.problem] })),
    });
  }
}
