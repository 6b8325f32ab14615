import { InvitationEntity, LoginAttemptEntity, SessionEntity, UserEntity, UserOrganisationEntity } from '../modules/accounts/user.entity';
import { AuditRecordEntity, ContactPersonEntity, PendingChangeEntity } from '../modules/editing/editing.entities';
import { AreaEntity } from '../modules/areas/area.entity';
import {
  EvaluationPeriodEntity,
  EvaluationSnapshotEntity,
  GuidingGoalEntity,
  GuidingGoalFieldEntity,
} from '../modules/evaluation/evaluation.entities';
import { AreaStatisticEntity } from '../modules/areas/area-statistic.entity';
import { AreaGroupStatisticEntity } from '../modules/areas/area-group-statistic.entity';
import { AreaImportRecordEntity } from '../modules/areas/area-import-record.entity';
import { TaxonomyEntity } from '../modules/fields-of-action/taxonomy.entity';
import { ImportJobEntity } from '../modules/interop/import/import-job.entity';
import { CoverageResultEntity, CoverageStateEntity } from '../modules/coverage/coverage-cache.entities';
import { GeocodeCacheEntity, GeocoderPaceEntity } from '../modules/interop/geocoding/geocoding.entities';
import { TaxonomyTermEntity } from '../modules/fields-of-action/taxonomy-term.entity';
import { LocationEntity } from '../modules/locations/location.entity';
import { ScheduleEntity } from '../modules/locations/schedule.entity';
import { NetworkEntity, NetworkMembershipEntity } from '../modules/network/network.entity';
import { RelationshipEntity } from '../modules/network/relationship.entity';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';
import { RateLimitCounterEntity } from '../modules/rate-limit/rate-limit.entity';
import { ServiceAtLocationEntity, ServiceEntity, ServiceTaxonomyTermEntity } from '../modules/services/service.entity';

export const ENTITIES = [
  TaxonomyEntity,
  TaxonomyTermEntity,
  OrganisationEntity,
  LocationEntity,
  ScheduleEntity,
  ServiceEntity,
  ServiceTaxonomyTermEntity,
  ServiceAtLocationEntity,
  AreaEntity,
  AreaStatisticEntity,
  AreaGroupStatisticEntity,
  AreaImportRecordEntity,
  NetworkEntity,
  NetworkMembershipEntity,
  RelationshipEntity,
  UserEntity,
  UserOrganisationEntity,
  SessionEntity,
  LoginAttemptEntity,
  InvitationEntity,
  ContactPersonEntity,
  AuditRecordEntity,
  PendingChangeEntity,
  ImportJobEntity,
  RateLimitCounterEntity,
  GeocodeCacheEntity,
  GeocoderPaceEntity,
  CoverageStateEntity,
  CoverageResultEntity,
  GuidingGoalEntity,
  GuidingGoalFieldEntity,
  EvaluationSnapshotEntity,
  EvaluationPeriodEntity,
];
