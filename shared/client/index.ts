export type { FetchLike } from './attempt';
export * from './client-options';
export * from './create-client';
export * from './error-json';
export * from './error-json-schema';
export * from './errors';
export * from './form-encoding';
export * from './http-errors';
export * from './retry-after';
