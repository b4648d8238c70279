export * from './offsets';
export * from './segments';
export * from './chunks';
export * from './codebook';
export * from './palette';
export * from './words';
