// A positive control for test/e2e/widget/bundle.spec.ts: code that does hold eval and new Function, bundled and
// minified like the widget, so the test shows its search would find them. Never shipped, never run.
// biome-ignore lint/security/noGlobalEval: the point of this probe
export const evaluate = (source: string): unknown => [eval(source), new Function(source)];
