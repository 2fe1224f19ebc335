import { z } from 'zod';

/** Key of document.settings under which the overlays are saved (an array, bottom first). */
export const OVERLAYS_SETTINGS_KEY = 'overlays';

/** MIME types an overlay stores; GeoTIFFs are rendered to PNG on import. */
export const OVERLAY_MIME_TYPES = ['image/png', 'image/jpeg'] as const;

const lonLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A control point: image pixel (x right, y down, from the image's top-left edge) ↔ lon/lat degrees. */
export const controlPointSchema = z.object({
  x: z.number(),
  y: z.number(),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});

/**
 * A georeferenced raster image drawn under the park (issue 6). `corners` are the lon/lat
 * degrees of the image's outer corners in the order top-left, top-right, bottom-right,
 * bottom-left (MapLibre's image-source order). `dataBase64` is the encoded image itself, so
 * the project file is self-contained. `opacity` is 0–1.
 */
export const overlaySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  mimeType: z.enum(OVERLAY_MIME_TYPES),
  dataBase64: z.string().min(1),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  corners: z.tuple([lonLatSchema, lonLatSchema, lonLatSchema, lonLatSchema]),
  opacity: z.number().min(0).max(1),
  visible: z.boolean(),
  /** The control points last applied, kept so the fit can be revised after reopening. */
  controlPoints: z.array(controlPointSchema).optional(),
});

export const overlayListSchema = z.array(overlaySchema);

export type Overlay = z.infer<typeof overlaySchema>;
export type ControlPoint = z.infer<typeof controlPointSchema>;
/** [lon, lat] degrees. */
export type LonLat = [number, number];
/** Four [lon, lat] corners: top-left, top-right, bottom-right, bottom-left. */
export type OverlayCorners = Overlay['corners'];

/**
 * The overlays of a document's settings. A value that is not a valid list (a hand-edited or
 * future file) yields the valid entries only, so one bad overlay never hides the others.
 */
export function readOverlays(settings: Record<string, unknown>): Overlay[] {
  const raw = settings[OVERLAYS_SETTINGS_KEY];
  if (!Array.isArray(raw)) return [];
  const overlays: Overlay[] = [];
  for (const item of raw) {
    const parsed = overlaySchema.safeParse(item);
    if (parsed.success) overlays.push(parsed.data);
  }
  return overlays;
}

/** The list with one overlay replaced by `update(overlay)` (unchanged list when the id is absent). */
export function updateOverlay(overlays: readonly Overlay[], id: string, update: (overlay: Overlay) => Overlay): Overlay[] {
  return overlays.map((o) => (o.id === id ? update(o) : o));
}
