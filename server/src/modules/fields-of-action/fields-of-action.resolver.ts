import { Args, Query, Resolver } from '@nestjs/graphql';
import { TaxonomyKind } from '@partneratlas/shared';
import { FieldOfAction, TargetGroup, Taxonomy } from './dto/taxonomy.model';
import { FieldsOfActionService } from './fields-of-action.service';
import { TaxonomyArgs } from './dto/taxonomy.args';

@Resolver()
export class FieldsOfActionResolver {
  constructor(private readonly service: FieldsOfActionService) {}

  @Query(() => [Taxonomy], { description: 'All taxonomies (fields of action, target groups).' })
  taxonomies(): Promise<Taxonomy[]> {
    return this.service.taxonomies();
  }

  @Query(() => [FieldOfAction], { description: 'Fields of action, of one taxonomy or of all.' })
  fieldsOfAction(@Args() args: TaxonomyArgs): Promise<FieldOfAction[]> {
    return this.service.terms(TaxonomyKind.FIELD_OF_ACTION, args.taxonomy);
  }

  @Query(() => [TargetGroup])
  targetGroups(): Promise<TargetGroup[]> {
    return this.service.terms(TaxonomyKind.TARGET_GROUP);
  }
}
