/** An MBTiles 1.3 writer for test fixtures (sql.js; TMS rows as the spec stores them). */
import initSqlJs from 'sql.js';

export interface MbtilesOptions {
  tiles: { z: number; x: number; y: number; data: Uint8Array }[];
  metadata: Record<string, string>;
}

export async function writeMbtiles(o: MbtilesOptions): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE metadata (name text, value text)');
  db.run('CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)');
  db.run('CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)');
  for (const [name, value] of Object.entries(o.metadata)) db.run('INSERT INTO metadata VALUES (?, ?)', [name, value]);
  for (const t of o.tiles) {
    // TMS rows count from the bottom (south) edge of the world.
    db.run('INSERT INTO tiles VALUES (?, ?, ?, ?)', [t.z, t.x, (1 << t.z) - 1 - t.y, t.data]);
  }
  const bytes = db.export();
  db.close();
  return bytes;
}
