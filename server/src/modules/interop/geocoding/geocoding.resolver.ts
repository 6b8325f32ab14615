import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../../graphql/request-context';
import { GeocodeAddressArgs, GeocodeResult, GeocoderInfo } from './geocoding.dto';
import { GeocoderService } from './geocoder.service';

/** Coordinate lookup for the editing forms (signed-in users). Thin: the service authorises and does the work. */
@Resolver()
export class GeocodingResolver {
  constructor(private readonly service: GeocoderService) {}

  @Query(() => GeocoderInfo, { description: 'Whether a geocoder is configured (signed-in users).' })
  geocoder(@Context() ctx: RequestContext): GeocoderInfo {
    return this.service.info(ctx.viewer);
  }

  @Query(() => GeocodeResult, {
    description:
      'Looks up coordinates for an address at the configured geocoder (rate-limited, cached); candidates inside the region only. Signed-in users.',
  })
  async geocodeAddress(@Args() a: GeocodeAddressArgs, @Context() ctx: RequestContext): Promise<GeocodeResult> {
    return this.service.lookupForEditor(ctx.viewer, { street: a.street, postcode: a.postcode, city: a.city });
  }
}
