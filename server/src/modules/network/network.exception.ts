import { BadUserInputException } from '../../common/exceptions/domain.exception';

/** BAD_USER_INPUT naming the argument (e.g. `filter.networkIds`) and the offending values. */
export class InvalidNetworkInputException extends BadUserInputException {
  constructor(field: string, message: string, values: string[] = []) {
    super(message, { field, ...(values.length ? { unknownValues: values } : {}) });
  }
}
