import * as geodesicModule from 'geographiclib-geodesic';

// Node's ESM loader sees this CommonJS package only as a default export (its named exports are
// not detectable), while bundlers and vitest also expose the named ones: accept both.
const { Geodesic } = (geodesicModule as unknown as { default?: typeof geodesicModule }).default ?? geodesicModule;

/** GeographicLib's geodesic on the WGS84 ellipsoid, and its output-mask constants. */
export const WGS84 = Geodesic.WGS84;
export const GeodesicMask = Geodesic;
