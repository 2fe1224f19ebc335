import { z } from 'zod';

/** [longitude, latitude] in degrees, EPSG:4326. A third value (elevation) is tolerated. */
export const positionSchema = z
  .array(z.number().finite())
  .min(2)
  .max(3)
  .refine((p) => p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90, {
    message: 'coordinate outside longitude/latitude range',
  });

const ringSchema = z
  .array(positionSchema)
  .min(4)
  .refine((ring) => {
    const a = ring[0];
    const b = ring[ring.length - 1];
    return a[0] === b[0] && a[1] === b[1];
  }, { message: 'polygon ring is not closed' });

export const pointSchema = z.object({ type: z.literal('Point'), coordinates: positionSchema });
export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(positionSchema).min(2),
});
export const multiLineStringSchema = z.object({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(positionSchema).min(2)).min(1),
});
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema).min(1) });
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ringSchema).min(1)).min(1),
});

export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);
export const lineGeometrySchema = z.discriminatedUnion('type', [lineStringSchema, multiLineStringSchema]);

export type Position = number[];
export type PointGeometry = z.infer<typeof pointSchema>;
export type PolygonGeometry = z.infer<typeof polygonSchema>;
export type MultiPolygonGeometry = z.infer<typeof multiPolygonSchema>;
export type LineStringGeometry = z.infer<typeof lineStringSchema>;
export type MultiLineStringGeometry = z.infer<typeof multiLineStringSchema>;
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export type LineGeometry = LineStringGeometry | MultiLineStringGeometry;
export type ParkGeometry = AreaGeometry | LineGeometry | PointGeometry;
