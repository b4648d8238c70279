export * from './offsets';
export * from './segments';
export * from './codebook';
export * from './palette';
export * from './words';
export * from './analysis';
export * from './table';
