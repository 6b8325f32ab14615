import { BadUserInputException, NotFoundException } from '../../common/exceptions/domain.exception';

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
