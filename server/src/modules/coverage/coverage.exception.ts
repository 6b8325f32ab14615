import { ErrorCode } from '@partneratlas/shared';
import { BadUserInputException, DomainException, NotFoundException } from '../../common/exceptions/domain.exception';

/** Machine-readable reasons of the coverage module's BAD_USER_INPUT errors (in `extensions.details.reason`). */
export enum CoverageErrorReason {
  ZONE_WEIGHTS = 'ZONE_WEIGHTS',
  NOT_SPATIAL = 'NOT_SPATIAL',
}

export class InvalidZoneWeightsException extends BadUserInputException {
  constructor(message: string) {
    super(`zoneWeights ${message}`, { field: 'input.zoneWeights', reason: CoverageErrorReason.ZONE_WEIGHTS });
  }
}

export class NotSpatialFieldException extends BadUserInputException {
  constructor(code: string) {
    super(`Field of action ${code} is city-wide (not spatial): it has no map and no what-if`, {
      field: 'input.fieldOfAction',
      reason: CoverageErrorReason.NOT_SPATIAL,
    });
  }
}

export class CoverageUnitNotFoundException extends NotFoundException {
  constructor(id: string) {
    super('Coverage unit', id);
  }
}

/**
 * The result takes longer to compute than a request may wait: the computation goes on and its result is kept, so
 * the same request succeeds once it is done (SERVICE_UNAVAILABLE, reason COMPUTING, with the expected wait).
 */
export class CoverageComputingException extends DomainException {
  constructor(previousComputeMs: number | null) {
    const retryAfterSeconds = Math.max(2, Math.ceil((previousComputeMs ?? 10_000) / 1000));
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      `Coverage for these settings is being computed (about ${retryAfterSeconds} s); the result is kept once done. Try again in a moment.`,
      { reason: 'COMPUTING', retryAfterSeconds },
    );
  }
}
