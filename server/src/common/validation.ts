import { ValidationError, ValidationPipe } from '@nestjs/common';
import { BadUserInputException } from './exceptions/domain.exception';

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Validates every GraphQL argument class; failures become BAD_USER_INPUT naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors: ValidationError[]) => {
      const fields = flatten(errors);
      const message = fields.map((f) => f.problems.join('; ')).join('; ');
      return new BadUserInputException(`Invalid input: ${message}`, { fields });
    },
  });
}
