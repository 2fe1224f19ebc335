export * from './ids';
export * from './land-use';
export * from './geometry-schema';
export * from './feature';
export * from './document';
export * from './command';
export * from './scenarios';
export * from './building';
