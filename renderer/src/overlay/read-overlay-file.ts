import { fromArrayBuffer } from 'geotiff';
import type { LimitExceeded } from '../../../shared/limits';
import { checkImagePixels, georeferenceGeoTiff, rasterToRgba, readImageHeader, type GeoTiffFailure, type OverlayCorners, type RasterFailure } from '../../../shared/overlay';

/** An image read from a file, ready to become an overlay; `corners` null when it must be placed by hand. */
export interface ReadImage {
  name: string;
  mimeType: 'image/png' | 'image/jpeg';
  dataBase64: string;
  widthPx: number;
  heightPx: number;
  corners: OverlayCorners | null;
  /** Why a GeoTIFF's own coordinates could not be used (it is then placed by hand). */
  georeferenceFailure?: { reason: GeoTiffFailure; epsg?: number };
}

export type ReadFailure = 'decode' | RasterFailure;
/** `limit_exceeded`: the header declares more pixels than `image-pixels` allows; nothing was decoded. */
export type ReadResult = { ok: true; image: ReadImage } | { ok: false; reason: ReadFailure } | { ok: false; reason: 'limit_exceeded'; exceeded: LimitExceeded };

/**
 * The image's declared size against the pixel limit, from its header (shared/overlay/image-header.ts),
 * before any decoder allocates for it: a refusal, 'decode' for a header that is not PNG, JPEG or
 * TIFF, or null to go on.
 */
async function refuseBeforeDecoding(file: File): Promise<ReadResult | null> {
  const header = readImageHeader(new Uint8Array(await file.arrayBuffer()));
  if (!header) return { ok: false, reason: 'decode' };
  const exceeded = checkImagePixels(header);
  return exceeded ? { ok: false, reason: 'limit_exceeded', exceeded } : null;
}

/**
 * Longest side of a GeoTIFF rendered to PNG: a 4096 px master plan is sharp at the zooms used
 * for tracing, and larger ones would bloat the project file and the GPU texture.
 */
const MAX_RASTER_SIDE_PX = 4096;

const PHOTOMETRIC_PALETTE = 3;

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

const isTiff = (file: File) => /\.tiff?$/i.test(file.name) || file.type === 'image/tiff';

function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || fileName;
}

async function readPlainImage(file: File): Promise<ReadResult> {
  const refused = await refuseBeforeDecoding(file);
  if (refused) return refused;
  const mimeType = file.type === 'image/jpeg' || /\.jpe?g$/i.test(file.name) ? 'image/jpeg' : 'image/png';
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, reason: 'decode' };
  }
  const image: ReadImage = { name: baseName(file.name), mimeType, dataBase64: await blobToBase64(file), widthPx: bitmap.width, heightPx: bitmap.height, corners: null };
  bitmap.close();
  return { ok: true, image };
}

async function rgbaToPng(rgba: Uint8ClampedArray<ArrayBuffer>, width: number, height: number): Promise<Blob> {
  const data = new ImageData(rgba, width, height);
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.putImageData(data, 0, 0);
    return canvas.convertToBlob({ type: 'image/png' });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.putImageData(data, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
}

/** GeoTIFF → PNG plus corners from its own georeferencing (EPSG:4326, UTM, Web Mercator). */
async function readGeoTiff(file: File): Promise<ReadResult> {
  // geotiff decodes the full resolution before resampling to MAX_RASTER_SIDE_PX: check it first.
  const refused = await refuseBeforeDecoding(file);
  if (refused) return refused;
  let tiffImage;
  try {
    const tiff = await fromArrayBuffer(await file.arrayBuffer());
    tiffImage = await tiff.getImage();
  } catch {
    return { ok: false, reason: 'decode' };
  }
  const directory = tiffImage.getFileDirectory();
  const fullW = tiffImage.getWidth();
  const fullH = tiffImage.getHeight();
  // Array tags may be deferred (read lazily from the file): load them rather than get them.
  const tag = async (name: 'ModelTiepoint' | 'ModelPixelScale' | 'ModelTransformation' | 'ColorMap') =>
    (await directory.loadValue(name)) as ArrayLike<number> | undefined;
  const georef = georeferenceGeoTiff({
    widthPx: fullW,
    heightPx: fullH,
    geoKeys: tiffImage.getGeoKeys(),
    tiepoint: await tag('ModelTiepoint'),
    pixelScale: await tag('ModelPixelScale'),
    transformation: await tag('ModelTransformation'),
  });
  // Downsampling keeps the outer edges where they are, so the corners stay valid.
  const factor = Math.min(1, MAX_RASTER_SIDE_PX / Math.max(fullW, fullH));
  const width = Math.max(1, Math.round(fullW * factor));
  const height = Math.max(1, Math.round(fullH * factor));
  const photometric = Number(directory.getValue('PhotometricInterpretation') ?? 1);
  let bands: ArrayLike<number>[];
  let bits = tiffImage.getBitsPerSample();
  let interpretation = photometric;
  try {
    if (photometric <= PHOTOMETRIC_PALETTE) {
      bands = Array.from((await tiffImage.readRasters({ width, height, resampleMethod: 'nearest' })) as unknown as ArrayLike<number>[]);
    } else {
      // YCbCr (JPEG-compressed), CMYK, CIELab: the library converts these to RGB itself.
      const rgb = (await tiffImage.readRGB({ width, height, interleave: false })) as unknown as ArrayLike<number>[];
      bands = Array.from(rgb);
      bits = 8;
      interpretation = 2;
    }
  } catch {
    return { ok: false, reason: 'decode' };
  }
  const converted = rasterToRgba({
    widthPx: width,
    heightPx: height,
    bands,
    bitsPerSample: bits,
    photometric: interpretation,
    colorMap: photometric === PHOTOMETRIC_PALETTE ? await tag('ColorMap') : undefined,
    noData: tiffImage.getGDALNoData(),
  });
  if (!converted.ok) return { ok: false, reason: converted.reason };
  const png = await rgbaToPng(converted.rgba as Uint8ClampedArray<ArrayBuffer>, width, height);
  return {
    ok: true,
    image: {
      name: baseName(file.name),
      mimeType: 'image/png',
      dataBase64: await blobToBase64(png),
      widthPx: width,
      heightPx: height,
      corners: georef.ok ? georef.corners : null,
      georeferenceFailure: georef.ok ? undefined : { reason: georef.reason, epsg: georef.epsg },
    },
  };
}

/** Reads a PNG, JPEG or GeoTIFF chosen by the user. */
export function readOverlayFile(file: File): Promise<ReadResult> {
  return isTiff(file) ? readGeoTiff(file) : readPlainImage(file);
}

/** The data URL MapLibre and <img> load the overlay from. */
export const overlayDataUrl = (o: { mimeType: string; dataBase64: string }) => `data:${o.mimeType};base64,${o.dataBase64}`;
