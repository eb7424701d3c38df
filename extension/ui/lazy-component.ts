import { type ComponentType, h, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose code comes apart from the page's bundle: nothing until it is loaded, then the component. */
export interface LazyComponent<P> {
  (props: P): JSX.Element;
  /** Loads the code ahead (the popup's start-up, for the tab it opens on), once. */
  load(): Promise<unknown>;
}

interface Loader {
  loaded: ComponentType<Record<string, unknown>> | undefined;
  load(): Promise<ComponentType<Record<string, unknown>>>;
}

function LazyView({ loader, props }: { loader: Loader; props: Record<string, unknown> }) {
  const [component, setComponent] = useState(() => loader.loaded && { of: loader.loaded });
  useEffect(() => {
    if (component) return;
    let live = true;
    loader.load().then(
      (of) => live && setComponent({ of }),
      (error: unknown) => console.error('[statuspage-toolkit] could not load a part of the page', error),
    );
    return () => {
      live = false;
    };
  }, [component, loader]);
  return component ? h(component.of, props) : null;
}

/**
 * What a page's first screen does not draw (another tab, the set-up form) is loaded on first use, so that its code
 * is neither fetched nor run before the first data: `lazyComponent(() => import('./X').then((m) => m.X))`.
 */
export function lazyComponent<P>(importer: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loading: Promise<ComponentType<Record<string, unknown>>> | undefined;
  const loader: Loader = {
    loaded: undefined,
    load() {
      loading ??= importer().then(
        (component) => {
          loader.loaded = component as ComponentType<Record<string, unknown>>;
          return loader.loaded;
        },
        (error: unknown) => {
          loading = undefined; // the next render tries again
          throw error;
        },
      );
      return loading;
    },
  };
  const lazy = (props: P): JSX.Element => h(LazyView, { loader, props: props as Record<string, unknown> });
  return Object.assign(lazy, { load: () => loader.load() });
}
