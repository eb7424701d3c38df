export * from './clock';
export * from './limiter-state';
export * from './rate-limiter';
export * from './sliding-window-limiter';
