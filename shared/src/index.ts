export * from './enums';
export * from './error-codes';
export * from './limits';
export * from './taxonomies';
export * from './languages';
export * from './geojson';
export * from './text';
