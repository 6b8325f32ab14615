import { BadUserInputException, NotFoundException } from '../../common/exceptions/domain.exception';

export class OrganisationNotFoundException extends NotFoundException {
  constructor(id: string) {
    super('Organisation', id);
  }
}

export class InvalidOrderException extends BadUserInputException {
  constructor(message: string) {
    super(message, { field: 'orderBy' });
  }
}

export class InvalidBBoxException extends BadUserInputException {
  constructor(message: string) {
    super(message, { field: 'filter.bbox' });
  }
}
