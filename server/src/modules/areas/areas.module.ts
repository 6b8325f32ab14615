import { Module } from '@nestjs/common';
import { AreaImportResolver } from './area-import.resolver';
import { AreaImportService } from './area-import.service';
import { AreasResolver } from './areas.resolver';
import { AreasService } from './areas.service';

@Module({ providers: [AreasService, AreasResolver, AreaImportService, AreaImportResolver], exports: [AreasService, AreaImportService] })
export class AreasModule {}
