// What the status embed shows, computed from a summary and a config: pure, shared by the widget and the
// extension's previews.
export * from './active-items';
export * from './config';
export * from './defaults';
export * from './dismissal';
export * from './maintenance-window';
export * from './safe-url';
export * from './samples';
export * from './view';
