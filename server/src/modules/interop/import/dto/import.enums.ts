import { registerEnumType } from '@nestjs/graphql';
import {
  GeocodeStatus,
  ImportActionKind,
  ImportDuplicateReason,
  ImportEntity,
  ImportJobStatus,
  ImportKind,
  ImportSeverity,
} from '../import.types';

registerEnumType(ImportKind, {
  name: 'ImportFormat',
  description: 'HSDS_JSON, HSDS_PACKAGE (datapackage.json + CSVs) or CSV (spreadsheet).',
});
registerEnumType(ImportJobStatus, { name: 'ImportJobStatus' });
registerEnumType(ImportSeverity, { name: 'ImportSeverity', description: 'ERROR blocks the apply; WARNING is reported only.' });
registerEnumType(ImportEntity, { name: 'ImportEntity' });
registerEnumType(ImportActionKind, { name: 'ImportActionKind' });
registerEnumType(ImportDuplicateReason, { name: 'ImportDuplicateReason' });
registerEnumType(GeocodeStatus, {
  name: 'ImportGeocodeStatus',
  description: 'FOUND: coordinates used; anything else: placed by hand (NOT_FOUND, AMBIGUOUS, OUTSIDE the region, FAILED, LIMIT).',
});

export {};
