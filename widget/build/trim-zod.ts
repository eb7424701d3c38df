// A build step for the widget bundle only: leaves out the parts of zod/mini that the widget's schemas never reach,
// about 1.25 KB of its min+gzip size budget. The widget builds its schemas from constructors (`z.looseObject`,
// `z.array`, ...) and calls only `.parse` and `.safeParse`. What goes: API it does not call (async parsing, the
// Standard Schema adapter, `.check`/`.clone`/...), machinery that only runs for checks, size limits, unions or
// discriminated unions (none in its schemas), two hooks through which a host page's own zod could reach into the
// widget's schemas (its memoizer, `zod/compile`), and errors' toString. Validation of what it parses is unchanged:
// test/unit/widget/trim-zod.test.ts bundles its schemas both ways and compares them on every fixture and many
// broken variants. A widget schema with a check would throw on load rather than validate less.
// Only widget/vite.config.ts uses this: the extension, the sandbox and the tests run zod untouched.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** The zod release these cuts were read against: another one fails the build until they are checked again. */
export const TRIMMED_ZOD_VERSION = '4.6.7';

interface Cut {
  /** The module, relative to the zod package. */
  file: string;
  why: string;
  /** The removed span runs from the first character of `from` to the last of `to` (or just `from`); each occurs exactly once. */
  from: string;
  to?: string;
  /** What stands in its place. */
  insert: string;
}

export const ZOD_CUTS: readonly Cut[] = [
  {
    file: 'v4/mini/schemas.js',
    why: 'schema methods the widget never calls: parseAsync, safeParseAsync, check, with, clone, brand, register, apply',
    from: '    // `with` is an alias for `check`: the same function object, not a wrapper.\n',
    to: '    apply(fn, ...args) {\n        return args.length === 0 ? fn(this) : fn(this, ...args);\n    },\n',
    insert: [
      '    parse(data, params) {',
      '        return parse.parse(this, data, params, { callee: this.parse });',
      '    },',
      '    safeParse(data, params) {',
      '        return parse.safeParse(this, data, params);',
      '    },',
      '',
    ].join('\n'),
  },
  {
    file: 'v4/core/schemas.js',
    why: 'the runner for checks (and for encoding through them) and the Standard Schema adapter: no widget schema has a check',
    from: '    else {\n        const runChecks = (payload, checks, ctx) => {\n',
    to: '    set "~standard"(value) {\n        util.own(this, "~standard", value);\n    },\n});\n',
    insert: '    else {\n        throw new Error("zod checks are left out of the status embed (widget/build/trim-zod.ts)");\n    }\n});\n',
  },
  {
    file: 'v4/core/schemas.js',
    why: "arrays' early size limit, which only acts on max-length checks",
    from: '    capSize(inst, arraySize);\n',
    insert: '',
  },
  {
    file: 'v4/core/schemas.js',
    why: "a host page's zod memoizer (a global setting) for arrays: the widget's parsing stays its own",
    from: '    $ZodType.init(inst, def);\n    const memo = core.globalConfig.memoizer;\n    memo?.attach(inst);\n    inst._zod.parse = (payload, ctx) => {\n        const input = payload.value;\n        if (!Array.isArray(input)) {\n',
    insert:
      '    $ZodType.init(inst, def);\n    const memo = undefined;\n    inst._zod.parse = (payload, ctx) => {\n        const input = payload.value;\n        if (!Array.isArray(input)) {\n',
  },
  {
    file: 'v4/core/schemas.js',
    why: "a host page's zod memoizer for objects",
    from: '    let value;\n    const memo = core.globalConfig.memoizer;\n    memo?.attach(inst);\n',
    insert: '    let value;\n    const memo = undefined;\n',
  },
  {
    file: 'v4/core/schemas.js',
    why: "objects' literal values per key, which only discriminated unions read",
    from: '    util.defineLazyInternal(inst, "propValues", (zod) => {\n        const shape = zod.def.shape;\n',
    to: '                    propValues[key].add(undefined);\n            }\n        }\n        return propValues;\n    });\n',
    insert: '',
  },
  {
    file: 'v4/core/schemas.js',
    why: "optional's value set and pattern, which only unions, enums and template literals read",
    from: '    util.defineLazyInternal(inst, "values", (zod) => {\n        const values = zod.def.innerType._zod.values;\n',
    to: '        return pattern ? new RegExp(`^(${util.cleanRegex(pattern.source)})?$`) : undefined;\n    });\n',
    insert: '',
  },
  {
    file: 'v4/core/schemas.js',
    why: "nullable's pattern and value set, likewise",
    from: '    util.defineLazyInternal(inst, "pattern", (zod) => {\n        const pattern = zod.def.innerType._zod.pattern;\n        return pattern ? new RegExp(`^(${util.cleanRegex(pattern.source)}|null)$`) : undefined;\n',
    to: '        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;\n    });\n',
    insert: '',
  },
  {
    file: 'v4/core/core.js',
    why: "a host page's `zod/compile` hook (a global setting), which would otherwise be handed the widget's schemas",
    from: '        const pp = globalThis.__zod_globalConfig?.postProcessor;\n        if (pp)\n            pp(inst);\n',
    insert: '',
  },
  {
    file: 'v4/core/errors.js',
    why: "errors' own toString (the widget never prints a zod error; its message stays)",
    from: '    const proto = Object.getPrototypeOf(inst);\n    if (!_installedToString.has(proto)) {\n',
    to: '                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });\n            },\n        });\n    }\n',
    insert: '',
  },
];

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Applies the cuts meant for `file` to its source; throws when an anchor is missing or ambiguous. */
export function applyZodCuts(file: string, source: string, cuts: readonly Cut[] = ZOD_CUTS): string {
  let out = source;
  for (const cut of cuts.filter((c) => c.file === file)) {
    const to = cut.to ?? cut.from;
    if (occurrences(out, cut.from) !== 1 || occurrences(out, to) !== 1) {
      throw new Error(`trim-zod: zod's ${file} no longer reads as expected (${cut.why}); check the cuts again`);
    }
    const start = out.indexOf(cut.from);
    const end = out.indexOf(to, start) + to.length;
    if (end < start + cut.from.length) throw new Error(`trim-zod: the anchors for "${cut.why}" are out of order`);
    out = out.slice(0, start) + cut.insert + out.slice(end);
  }
  return out;
}

/** The Vite plugin: applies every cut to the zod modules it loads, and fails the build if one was not applied. */
export function trimZod(): Plugin {
  const applied = new Set<Cut>();
  return {
    name: 'status-embed-trim-zod',
    enforce: 'pre',
    buildStart() {
      const require = createRequire(import.meta.url);
      const { version } = JSON.parse(readFileSync(require.resolve('zod/package.json'), 'utf8')) as { version: string };
      if (version !== TRIMMED_ZOD_VERSION) {
        throw new Error(`trim-zod: written for zod ${TRIMMED_ZOD_VERSION}, found ${version}; check the cuts in widget/build/trim-zod.ts`);
      }
      applied.clear();
    },
    transform(code, id) {
      const match = /[\\/]node_modules[\\/]zod[\\/](.+)$/.exec(id.split('?')[0]!);
      const file = match?.[1]!.replace(/\\/g, '/');
      if (!file || !ZOD_CUTS.some((cut) => cut.file === file)) return undefined;
      const out = applyZodCuts(file, code);
      for (const cut of ZOD_CUTS) if (cut.file === file) applied.add(cut);
      return { code: out, map: null };
    },
    buildEnd(error) {
      const missed = ZOD_CUTS.filter((cut) => !applied.has(cut));
      if (!error && missed.length) throw new Error(`trim-zod: not applied (zod resolved elsewhere?): ${missed.map((c) => c.why).join('; ')}`);
    },
  };
}
