// The typed core every face builds on. Plain TypeScript over fetch: no DOM, no extension APIs, no Node.
export * from './schemas';
export * from './client';
export * from './rate-limit';
export * from './embed';
