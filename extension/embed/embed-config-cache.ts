import * as z from 'zod/mini';
import { StatusEmbedConfig } from '../../shared/schemas';
import { Cached } from '../storage/cached';
import { keyedItem } from '../storage/keyed-item';

/** Each page's embed config as last read, written by the background only; the popup draws from it. */
export const embedConfigCache = keyedItem('local:cache.embedConfig.', { schema: z.nullable(Cached(StatusEmbedConfig)), fallback: null });
