import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Organisation } from '../../organisations/dto/organisation.model';
import { ScoreComponent } from '../partner-scoring';

registerEnumType(ScoreComponent, { name: 'PartnerScoreComponent', description: 'A named part of a partner suggestion score.' });

@ObjectType({
  description: 'One part of the score: value 0…1, its weight (weights of a suggestion add up to 1) and contribution = weight × value.',
})
export class PartnerScoreComponentValue {
  @Field(() => ScoreComponent)
  name: ScoreComponent;

  @Field(() => Float)
  value: number;

  @Field(() => Float)
  weight: number;

  @Field(() => Float)
  contribution: number;
}

@ObjectType({ description: 'A human-readable reason, in German and English, for one score component.' })
export class PartnerReason {
  @Field(() => ScoreComponent)
  component: ScoreComponent;

  @Field()
  de: string;

  @Field()
  en: string;
}

@ObjectType({ description: 'A suggested partner with its score, the score components and the reasons.' })
export class PartnerSuggestion {
  @Field(() => Organisation)
  organisation: Organisation;

  @Field(() => Float, { description: '0…1: the sum of the component contributions.' })
  score: number;

  @Field(() => [PartnerScoreComponentValue])
  components: PartnerScoreComponentValue[];

  @Field(() => [PartnerReason], { description: 'One reason per component with a value above 0, strongest first.' })
  reasons: PartnerReason[];

  @Field(() => Float, { nullable: true, description: 'Metres to the nearest place; null without coordinates.' })
  distanceMeters: number | null;

  @Field({ description: 'Already related (only with includeConnected).' })
  connected: boolean;

  @Field({ description: 'A fictional example entry.' })
  isDemo: boolean;

  @Field({ description: 'Confirmed by the organisation or a coordinator; unverified entries are marked in the UI.' })
  verified: boolean;
}
