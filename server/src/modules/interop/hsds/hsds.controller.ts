import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { BadUserInputException } from '../../../common/exceptions/domain.exception';
import { HSDS_VERSION, HsdsService } from './hsds.service';
import { HsdsObject, HsdsPage, hsdsPage } from './hsds.mapper';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function int(name: string, raw: string | undefined, def: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new BadUserInputException(`${name} must be a whole number from ${min} to ${max}`, { field: name });
  return n;
}

function num(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new BadUserInputException(`${name} must be a number from ${min} to ${max}`, { field: name });
  return n;
}

function uuid(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!UUID.test(raw)) throw new BadUserInputException(`${name} must be a UUID`, { field: name });
  return raw;
}

type Paging = { page?: string; per_page?: string };
const paging = (q: Paging) => ({ page: int('page', q.page, 1, 1, 100_000), perPage: int('per_page', q.per_page, 20, 1, 100) });

/**
 * Open Referral HSDS 3.1 read API: public, read-only, no key, CORS `*`; published entries only.
 * Partneratlas additions are described in PROFILE.md beside this file.
 */
@Controller('api/hsds')
export class HsdsController {
  constructor(private readonly hsds: HsdsService) {}

  @Get()
  @Header('Access-Control-Allow-Origin', '*')
  root(): { version: string; profile: string; openapi_url: string } {
    return {
      version: HSDS_VERSION,
      profile: 'https://github.com/partneratlas/partneratlas/blob/main/server/src/modules/interop/hsds/PROFILE.md',
      openapi_url: 'https://github.com/openreferral/specification/blob/3.1/schema/openapi.json',
    };
  }

  @Get('organizations')
  @Header('Access-Control-Allow-Origin', '*')
  organizations(@Query() q: Paging): Promise<HsdsPage<HsdsObject>> {
    const { page, perPage } = paging(q);
    return this.hsds.organisationPage(page, perPage);
  }

  @Get('organizations/:id')
  @Header('Access-Control-Allow-Origin', '*')
  organization(@Param('id') id: string): Promise<HsdsObject> {
    return this.hsds.organisation(uuid('id', id)!);
  }

  @Get('services')
  @Header('Access-Control-Allow-Origin', '*')
  services(@Query() q: Paging & { organization_id?: string }): Promise<HsdsPage<HsdsObject>> {
    const { page, perPage } = paging(q);
    return this.hsds.servicePage(page, perPage, uuid('organization_id', q.organization_id));
  }

  @Get('services/:id')
  @Header('Access-Control-Allow-Origin', '*')
  service(@Param('id') id: string): Promise<HsdsObject> {
    return this.hsds.service(uuid('id', id)!);
  }

  /**
   * `postcode`: exact postcode of the location. `proximity` (metres) needs `lat` and `lng`: postcode
   * centroids are not known here, so proximity is measured from a given point (profile extension).
   */
  @Get('service_at_locations')
  @Header('Access-Control-Allow-Origin', '*')
  serviceAtLocations(
    @Query() q: Paging & { postcode?: string; proximity?: string; lat?: string; lng?: string },
  ): Promise<HsdsPage<HsdsObject>> {
    const { page, perPage } = paging(q);
    if (q.postcode !== undefined && !/^[0-9]{5}$/.test(q.postcode))
      throw new BadUserInputException('postcode must be a German postcode of five digits', { field: 'postcode' });
    const meters = num('proximity', q.proximity, 1, 50_000);
    const lat = num('lat', q.lat, -90, 90);
    const lng = num('lng', q.lng, -180, 180);
    if ((meters === undefined) !== (lat === undefined) || (lat === undefined) !== (lng === undefined)) {
      throw new BadUserInputException('proximity, lat and lng go together: proximity in metres around the point lat/lng', {
        field: 'proximity',
      });
    }
    const near = meters !== undefined && lat !== undefined && lng !== undefined ? { lat, lng, meters } : undefined;
    return this.hsds.serviceAtLocationPage({ postcode: q.postcode, near }, page, perPage);
  }

  @Get('taxonomies')
  @Header('Access-Control-Allow-Origin', '*')
  async taxonomies(@Query() q: Paging): Promise<HsdsPage<HsdsObject>> {
    const { page, perPage } = paging(q);
    const all = await this.hsds.taxonomies();
    return hsdsPage(all.slice((page - 1) * perPage, page * perPage), all.length, page, perPage);
  }

  @Get('taxonomy_terms')
  @Header('Access-Control-Allow-Origin', '*')
  taxonomyTerms(@Query() q: Paging & { taxonomy_id?: string }): Promise<HsdsPage<HsdsObject>> {
    const { page, perPage } = paging(q);
    return this.hsds.taxonomyTerms(page, perPage, q.taxonomy_id);
  }
}
