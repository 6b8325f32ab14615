import { Module } from '@nestjs/common';
import { AreaImportService } from './area-import.service';
import { AreasResolver } from './areas.resolver';
import { AreasService } from './areas.service';

@Module({ providers: [AreasService, AreasResolver, AreaImportService], exports: [AreasService, AreaImportService] })
export class AreasModule {}
