import { BadUserInputException } from '../../common/exceptions/domain.exception';

export class UnknownTermCodeException extends BadUserInputException {
  constructor(kind: 'field of action' | 'target group' | 'taxonomy', codes: string[]) {
    super(`Unknown ${kind} code(s): ${codes.join(', ')}`, { unknownCodes: codes });
  }
}
