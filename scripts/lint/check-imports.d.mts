export interface ImportEdge {
  from: string;
  to: string | undefined;
  specifier: string;
  typeOnly: boolean;
}
export function resolveImport(from: string, specifier: string, exists?: (path: string) => boolean): string | undefined;
export function importsOf(files: string[], read?: (path: string) => string): ImportEdge[];
