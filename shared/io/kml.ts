import type { Feature, Geometry, Position } from 'geojson';
import { LAND_USE_CATALOGUE, landUseCategory, type LandUseCode } from '../model/land-use';
import type { ParkFeature } from '../model/feature';
import type { ParkGeometry } from '../model/geometry-schema';
import { featureGroup, flatAttributes, type ScenarioExport } from './export-input';
import { DEFAULT_LIMITS, type Limits } from '../limits';
import { catchLimits, importFailure, limitFailure, makeLayer, type ImportedLayer, type ImportResult } from './imported-layer';
import type { ImportNote } from './import-notes';
import { ImportBudget } from './import-limits';
import { projectNameFromFileName } from './profile-attributes';
import { child, childrenNamed, escapeXml, parseXml, type XmlElement } from './xml';
import { setOwn } from '../own-property';

/**
 * KML 2.2 (OGC 07-147r2) read and write. KML is always WGS 84 lon/lat. Export: one Folder per
 * land use or kind, styles in the catalogue colours, every attribute in ExtendedData so an
 * import gives the same features back. Import: one layer per Folder (path-named), Placemarks
 * outside folders in a layer named after the document.
 */

type Props = Record<string, unknown>;

/** Positions of a <coordinates> text, counted against the budget as they are read. */
function parseCoordinates(text: string, budget: ImportBudget): Position[] {
  const positions: Position[] = [];
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    const p = token.split(',').map(Number);
    if (p.length < 2 || !p.every(Number.isFinite)) continue;
    budget.vertices();
    positions.push(p.length > 2 && p[2] !== 0 ? p.slice(0, 3) : p.slice(0, 2));
  }
  return positions;
}

function closeRing(ring: Position[]): Position[] {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a && b && (a[0] !== b[0] || a[1] !== b[1]) ? [...ring, a] : ring;
}

function ringOf(boundary: XmlElement | undefined, budget: ImportBudget): Position[] | undefined {
  const coords = boundary && child(boundary, 'LinearRing') && child(child(boundary, 'LinearRing') as XmlElement, 'coordinates');
  return coords ? closeRing(parseCoordinates(coords.text, budget)) : undefined;
}

/** The geometry of a KML geometry element; MultiGeometry recursion is bounded by the parser's nesting-depth limit. */
function geometryOf(el: XmlElement, budget: ImportBudget): Geometry | undefined {
  switch (el.name) {
    case 'Point': {
      const c = parseCoordinates(child(el, 'coordinates')?.text ?? '', budget);
      return c[0] ? { type: 'Point', coordinates: c[0] } : undefined;
    }
    case 'LineString': {
      const c = parseCoordinates(child(el, 'coordinates')?.text ?? '', budget);
      return c.length >= 2 ? { type: 'LineString', coordinates: c } : undefined;
    }
    case 'LinearRing': {
      const c = closeRing(parseCoordinates(child(el, 'coordinates')?.text ?? '', budget));
      return c.length >= 4 ? { type: 'Polygon', coordinates: [c] } : undefined;
    }
    case 'Polygon': {
      const outer = ringOf(child(el, 'outerBoundaryIs'), budget);
      if (!outer || outer.length < 4) return undefined;
      const inner = childrenNamed(el, 'innerBoundaryIs').map((b) => ringOf(b, budget)).filter((r): r is Position[] => !!r && r.length >= 4);
      return { type: 'Polygon', coordinates: [outer, ...inner] };
    }
    case 'MultiGeometry': {
      const parts = el.children.map((c) => geometryOf(c, budget)).filter((g): g is Geometry => !!g);
      if (parts.length === 0) return undefined;
      const types = new Set(parts.map((p) => p.type));
      if (types.size === 1 && types.has('Polygon')) return { type: 'MultiPolygon', coordinates: parts.map((p) => (p as { coordinates: Position[][] }).coordinates) };
      if (types.size === 1 && types.has('LineString')) return { type: 'MultiLineString', coordinates: parts.map((p) => (p as { coordinates: Position[] }).coordinates) };
      if (types.size === 1 && types.has('Point')) return { type: 'MultiPoint', coordinates: parts.map((p) => (p as { coordinates: Position }).coordinates) };
      return { type: 'GeometryCollection', geometries: parts };
    }
    default:
      return undefined;
  }
}

const GEOMETRY_TAGS = new Set(['Point', 'LineString', 'LinearRing', 'Polygon', 'MultiGeometry']);

/** `at`: the placemark's folder path (the layer) and its position in it, for a note. */
function placemarkFeature(pm: XmlElement, notes: ImportNote[], at: { layer: string; feature: number }, budget: ImportBudget): Feature<Geometry, Props> | undefined {
  budget.feature(`${at.layer}, placemark ${at.feature}`);
  const properties: Props = {};
  const name = child(pm, 'name')?.text.trim();
  const ext = child(pm, 'ExtendedData');
  // Our exports label unnamed placemarks with their land use for viewers; with profile data
  // (a "kind" entry) the ExtendedData is the record and <name> only a label.
  const profile = ext?.children.some((d) => d.name === 'Data' && d.attributes.name === 'kind') ?? false;
  if (name && !profile) properties.name = name;
  const description = child(pm, 'description')?.text.trim();
  if (description) properties.description = description;
  if (ext) {
    for (const d of childrenNamed(ext, 'Data')) if (d.attributes.name) setOwn(properties, d.attributes.name, typedValue(d.attributes.name, child(d, 'value')?.text ?? ''));
    for (const sd of childrenNamed(ext, 'SchemaData')) for (const s of childrenNamed(sd, 'SimpleData')) if (s.attributes.name) setOwn(properties, s.attributes.name, typedValue(s.attributes.name, s.text));
  }
  budget.attributes(properties);
  const gEl = pm.children.find((c) => GEOMETRY_TAGS.has(c.name));
  const geometry = gEl ? geometryOf(gEl, budget) : undefined;
  if (!geometry) {
    notes.push(name ? { code: 'no_geometry', ...at, name } : { code: 'no_geometry', ...at });
    return undefined;
  }
  return { type: 'Feature', properties, geometry };
}

const NUMERIC_FIELDS = new Set(['heightM', 'floors', 'widthM', 'maxDensity', 'maxFloors', 'minGreenRatio', 'maxFar', 'employees', 'measuredElectricityMwhPerYear', 'measuredWaterM3PerDay']);

/** KML values are text; the numeric profile fields come back as numbers, everything else (codes like "01") stays text. */
function typedValue(name: string, text: string): string | number {
  const t = text.trim();
  return NUMERIC_FIELDS.has(name) && t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

export function importKml(text: string, fileName: string, limits: Limits = DEFAULT_LIMITS): ImportResult {
  return catchLimits(() => readKml(text, fileName, limits));
}

function readKml(text: string, fileName: string, limits: Limits): ImportResult {
  const parsed = parseXml(text, limits);
  if (!parsed.ok) return parsed.limit ? limitFailure(parsed.limit) : importFailure({ code: 'kml_not_xml', technical: parsed.detail });
  const budget = new ImportBudget(limits);
  const kml = parsed.root.children.find((c) => c.name === 'kml');
  if (!kml) return importFailure({ code: 'kml_no_root' });
  const layers: ImportedLayer[] = [];
  const notes: ImportNote[] = [];
  const top = child(kml, 'Document') ?? child(kml, 'Folder') ?? kml;
  const topName = child(top, 'name')?.text.trim() || projectNameFromFileName(fileName);
  const walk = (container: XmlElement, path: string): void => {
    const features: Feature<Geometry, Props>[] = [];
    childrenNamed(container, 'Placemark').forEach((pm, i) => {
      const f = placemarkFeature(pm, notes, { layer: path, feature: i + 1 }, budget);
      if (f) features.push(f);
    });
    if (features.length > 0) layers.push(makeLayer(path, features));
    for (const sub of container.children.filter((c) => c.name === 'Folder' || c.name === 'Document')) {
      const name = child(sub, 'name')?.text.trim() || 'Folder';
      walk(sub, container === top ? name : `${path}/${name}`);
    }
  };
  walk(top, topName);
  if (layers.length === 0) return importFailure({ code: 'kml_no_placemarks' });
  return { ok: true, layers, notes, crs: 'EPSG:4326' };
}

/** KML colours are aabbggrr. */
function kmlColour(hex: string, alpha: string): string {
  return `${alpha}${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`;
}

const coords = (ps: Position[]): string => ps.map((p) => p.slice(0, 3).join(',')).join(' ');

function geometryKml(g: ParkGeometry): string {
  const polygon = (rings: Position[][]): string =>
    `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(rings[0])}</coordinates></LinearRing></outerBoundaryIs>${rings
      .slice(1)
      .map((r) => `<innerBoundaryIs><LinearRing><coordinates>${coords(r)}</coordinates></LinearRing></innerBoundaryIs>`)
      .join('')}</Polygon>`;
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${coords([g.coordinates])}</coordinates></Point>`;
    case 'LineString':
      return `<LineString><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((l) => `<LineString><coordinates>${coords(l)}</coordinates></LineString>`).join('')}</MultiGeometry>`;
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
  }
}

const KIND_FOLDERS: Record<string, string> = { boundary: 'Boundary', building: 'Buildings', road: 'Roads', point: 'Facilities' };

function styles(): string {
  const out: string[] = [];
  for (const c of LAND_USE_CATALOGUE.categories) {
    out.push(`<Style id="${c.code}"><LineStyle><color>${kmlColour(c.outline, 'ff')}</color><width>1</width></LineStyle><PolyStyle><color>${kmlColour(c.fill, 'b3')}</color></PolyStyle></Style>`);
  }
  out.push(`<Style id="boundary"><LineStyle><color>${kmlColour(LAND_USE_CATALOGUE.boundaryOutline, 'ff')}</color><width>3</width></LineStyle><PolyStyle><fill>0</fill></PolyStyle></Style>`);
  out.push(`<Style id="building"><LineStyle><color>${kmlColour(LAND_USE_CATALOGUE.buildingOutline, 'ff')}</color></LineStyle><PolyStyle><color>${kmlColour(LAND_USE_CATALOGUE.buildingFill, 'e6')}</color></PolyStyle></Style>`);
  out.push('<Style id="road"><LineStyle><color>ff808080</color><width>4</width></LineStyle></Style>');
  out.push('<Style id="point"><IconStyle><scale>1</scale></IconStyle></Style>');
  return out.join('\n');
}

function placemark(f: ParkFeature): string {
  const attributes = flatAttributes(f);
  const name = f.name ?? f.code ?? (f.kind === 'landuse' ? landUseCategory(f.landUse).en : f.kind);
  const data = Object.entries(attributes)
    .map(([k, v]) => `<Data name="${escapeXml(k)}"><value>${escapeXml(String(v))}</value></Data>`)
    .join('');
  return `<Placemark><name>${escapeXml(name)}</name><styleUrl>#${featureGroup(f)}</styleUrl><ExtendedData>${data}</ExtendedData>${geometryKml(f.geometry)}</Placemark>`;
}

/** A KML document of one scenario, folders in catalogue order. */
export function exportKml(input: ScenarioExport): string {
  const groups = new Map<string, ParkFeature[]>();
  for (const f of input.features) groups.set(featureGroup(f), [...(groups.get(featureGroup(f)) ?? []), f]);
  const order = ['boundary', ...LAND_USE_CATALOGUE.categories.map((c) => c.code), 'building', 'road', 'point'];
  const folders = order
    .filter((g) => groups.has(g))
    .map((g) => {
      const label = KIND_FOLDERS[g] ?? landUseCategory(g as LandUseCode).en;
      return `<Folder><name>${escapeXml(label)}</name>\n${(groups.get(g) ?? []).map(placemark).join('\n')}\n</Folder>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document><name>${escapeXml(`${input.projectName} — ${input.scenarioName}`)}</name>\n${styles()}\n${folders.join('\n')}\n</Document>\n</kml>\n`;
}
