import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { isGeometry } from '@partneratlas/shared';

function literalToValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToValue(f.value)]));
    case Kind.LIST:
      return ast.values.map(literalToValue);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return undefined;
  }
}

function parse(value: unknown): unknown {
  if (!isGeometry(value)) throw new TypeError('GeoJSON must be a geometry object with "type" and "coordinates"');
  return value;
}

/** A GeoJSON geometry (RFC 7946, WGS84 longitude/latitude). */
export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry object (RFC 7946), coordinates in WGS84 [longitude, latitude].',
  serialize: (value) => value,
  parseValue: parse,
  parseLiteral: (ast) => parse(literalToValue(ast)),
});
