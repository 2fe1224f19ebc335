export * from './overlay-model';
export * from './georeference';
export * from './placement';
export * from './geotiff-georeference';
export * from './raster-rgba';
export * from './image-header';
