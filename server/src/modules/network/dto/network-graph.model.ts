import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { RelationshipType } from '@partneratlas/shared';
import { Organisation } from '../../organisations/dto/organisation.model';
import '../../../common/graphql/enums';

@ObjectType({ description: 'An organisation in the network with its metrics (computed on the server for the filtered graph).' })
export class NetworkNode {
  @Field(() => Organisation)
  organisation: Organisation;

  @Field(() => Int, { description: 'Number of distinct organisations it is related to.' })
  degree: number;

  @Field(() => Float, {
    description: 'Betweenness centrality, normalised to 0…1 (share of shortest paths between other pairs through it).',
  })
  betweenness: number;

  @Field(() => Int, { description: 'Community (Louvain), 0 = largest; an isolated organisation is a community of its own.' })
  community: number;

  @Field(() => Int, { description: 'Connected component, 0 = largest.' })
  component: number;

  @Field({ description: 'Has no relationship in this graph.' })
  isolated: boolean;

  @Field({ description: 'Related to an organisation of another community: bridges communities.' })
  bridge: boolean;

  @Field(() => Int, { nullable: true, description: 'Ego networks: steps from the centre (0 = the centre). Null otherwise.' })
  hops: number | null;
}

@ObjectType({ description: 'A relationship between two organisations of the graph (direction as recorded).' })
export class NetworkEdge {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'Organisation id.' })
  source: string;

  @Field(() => ID, { description: 'Organisation id.' })
  target: string;

  @Field(() => RelationshipType)
  type: RelationshipType;

  @Field(() => String, { nullable: true, description: 'ISO date' })
  validFrom: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date' })
  validTo: string | null;

  @Field(() => String, { nullable: true })
  fieldOfActionCode: string | null;
}

@ObjectType({ description: 'Whole-network figures. Metrics treat relationships as undirected; parallel ones count once.' })
export class NetworkSummary {
  @Field(() => Int)
  nodeCount: number;

  @Field(() => Int, { description: 'Distinct related pairs.' })
  edgeCount: number;

  @Field(() => Float, { description: 'Related pairs / possible pairs (0…1).' })
  density: number;

  @Field(() => Int, { description: 'Number of connected components (an isolated organisation is one).' })
  components: number;

  @Field(() => Int, { description: 'Number of communities (Louvain).' })
  communities: number;

  @Field(() => Int, { description: 'Number of isolated organisations (no relationship).' })
  isolated: number;

  @Field(() => Int, { description: 'Number of bridge organisations (related to another community).' })
  bridges: number;
}

@ObjectType({ description: 'A stakeholder network: organisations, their relationships and metrics.' })
export class NetworkGraph {
  @Field(() => [NetworkNode])
  nodes: NetworkNode[];

  @Field(() => [NetworkEdge])
  edges: NetworkEdge[];

  @Field(() => NetworkSummary)
  summary: NetworkSummary;

  @Field({ description: 'ISO date at which the relationships were taken.' })
  date: string;
}
