import type { ImportEdge } from './check-imports.mjs';
export const EXTENSION_LAYERS: string[];
export const RULES: Array<{ name: string; check(edge: ImportEdge): string | undefined }>;
export function checkImports(imports: ImportEdge[]): Array<ImportEdge & { rule: string; reason: string }>;
