import { Field, ObjectType } from '@nestjs/graphql';
import { BadUserInputException } from './exceptions/domain.exception';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

const PREFIX = 'offset:';
const MAX_OFFSET = 1_000_000;

export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** Decodes an `after` cursor into the offset of the next row; rejects anything we did not issue. */
export function decodeCursor(cursor: string | undefined | null): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const n = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_OFFSET || encodeCursor(n) !== cursor) {
    throw new BadUserInputException('Invalid cursor: pass the endCursor of a previous page as `after`', { field: 'after' });
  }
  return n;
}
