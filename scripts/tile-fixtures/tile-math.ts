/** Slippy-map tile arithmetic and PMTiles v3 tile ids, written from the specs (not the app's reader). */

export function lonToTileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}
export function latToTileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * 2 ** z);
}

/** Tiles of zoom `z` touching `bounds`. */
export function tilesCovering(bounds: [number, number, number, number], z: number): [number, number][] {
  const [w, s, e, n] = bounds;
  const out: [number, number][] = [];
  for (let x = lonToTileX(w, z); x <= lonToTileX(e, z); x++) for (let y = latToTileY(n, z); y <= latToTileY(s, z); y++) out.push([x, y]);
  return out;
}

/** Hilbert index of (x, y) on an n × n grid (Wikipedia, "Hilbert curve", xy2d). */
function hilbert(n: number, x: number, y: number): number {
  let d = 0;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = n - 1 - x;
        y = n - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d;
}

/** PMTiles v3 TileID: tiles of all lower zooms, then the Hilbert index within zoom z. */
export function pmtilesTileId(z: number, x: number, y: number): number {
  let base = 0;
  for (let k = 0; k < z; k++) base += 4 ** k;
  return base + hilbert(2 ** z, x, y);
}
