import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { PartnerSuggestionsArgs } from './dto/partner-suggestion.input';
import { PartnerSuggestion } from './dto/partner-suggestion.model';
import { PartnersService } from './partners.service';

@Resolver(() => PartnerSuggestion)
export class PartnersResolver {
  constructor(private readonly service: PartnersService) {}

  @Query(() => [PartnerSuggestion], {
    description:
      'Suggested partners for an organisation ("who complements us?") or for a need, ranked by a score with named components ' +
      'and reasons in German and English. Organisations already related are left out unless includeConnected.',
  })
  partnerSuggestions(@Args() args: PartnerSuggestionsArgs, @Context() ctx: RequestContext): Promise<PartnerSuggestion[]> {
    return this.service.suggestions(args, ctx.viewer);
  }
}
