import { registerEnumType } from '@nestjs/graphql';
import { ImportActionKind, ImportDuplicateReason, ImportEntity, ImportJobStatus, ImportKind, ImportSeverity } from '../import.types';

registerEnumType(ImportKind, {
  name: 'ImportFormat',
  description: 'HSDS_JSON, HSDS_PACKAGE (datapackage.json + CSVs) or CSV (spreadsheet).',
});
registerEnumType(ImportJobStatus, { name: 'ImportJobStatus' });
registerEnumType(ImportSeverity, { name: 'ImportSeverity', description: 'ERROR blocks the apply; WARNING is reported only.' });
registerEnumType(ImportEntity, { name: 'ImportEntity' });
registerEnumType(ImportActionKind, { name: 'ImportActionKind' });
registerEnumType(ImportDuplicateReason, { name: 'ImportDuplicateReason' });

export {};
