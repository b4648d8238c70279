export * from './common';
export * from './auth';
export * from './tokens';
export * from './projects';
export * from './studies';
export * from './documents';
export * from './codes';
export * from './highlights';
