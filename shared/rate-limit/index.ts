export * from './clock';
export * from './limiter-state';
export * from './priority';
export * from './rate-limiter';
export * from './sliding-window-limiter';
export * from './window-rule';
