import { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';
import { ErrorCode } from '@partneratlas/shared';

/**
 * Refuses documents with more than `maxAliases` aliased fields (all operations and fragments of the document
 * counted): aliases are how one request repeats an expensive field many times.
 */
export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave(node) {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`Too many aliases: ${aliases} exceed the maximum of ${maxAliases}`, {
                nodes: [node],
                extensions: { code: ErrorCode.TOO_MANY_ALIASES, aliases, maxAliases },
              }),
            );
          }
        },
      },
    };
  };
}
