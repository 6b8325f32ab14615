import { ErrorCode } from '@partneratlas/shared';
import { DomainException } from '../../../common/exceptions/domain.exception';

/** Why a geocoder lookup could not be made; sent as `extensions.reason` beside the shared error code. */
export enum GeocodingErrorReason {
  /** No GEOCODER_URL configured. */
  GEOCODER_DISABLED = 'GEOCODER_DISABLED',
  /** The service is down, too slow or answered with an error. */
  GEOCODER_UNAVAILABLE = 'GEOCODER_UNAVAILABLE',
  /** Too many lookups waiting for their turn (the rate limit). */
  GEOCODER_BUSY = 'GEOCODER_BUSY',
}

export class GeocoderDisabledException extends DomainException {
  constructor() {
    super(
      ErrorCode.BAD_USER_INPUT,
      'No geocoder is configured (GEOCODER_URL): coordinates cannot be looked up; entries without coordinates are listed for manual placing.',
      { reason: GeocodingErrorReason.GEOCODER_DISABLED },
    );
  }
}

export class GeocoderUnavailableException extends DomainException {
  constructor(detail: string) {
    super(ErrorCode.SERVICE_UNAVAILABLE, `The geocoder is not available (${detail}); try again later or place the point by hand.`, {
      reason: GeocodingErrorReason.GEOCODER_UNAVAILABLE,
    });
  }
}

export class GeocoderBusyException extends DomainException {
  constructor() {
    super(ErrorCode.TOO_MANY_REQUESTS, 'Too many coordinate lookups are waiting; try again in a minute.', {
      reason: GeocodingErrorReason.GEOCODER_BUSY,
    });
  }
}
