import * as z from 'zod/mini';
import { StatusEmbedConfig } from '../../shared/schemas';
import { Cached } from '../storage/cached';
import { orgKeyedItem } from '../storage/org-item';

/** Each page's embed config as last read, per connection; written by the background only, the popup draws from it. */
export const embedConfigCache = orgKeyedItem('cache.embedConfig.', { schema: z.nullable(Cached(StatusEmbedConfig)), fallback: null });

/** The popup's refresh of one page's config (ui/use-refresh.ts): one key, so that two askers share one request. */
export const embedConfigRefreshKey = (pageId: string): string => `embed-config:${pageId}`;
