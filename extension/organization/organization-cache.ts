import * as z from 'zod/mini';
import { PageList, UserList } from '../../shared/schemas';
import { Cached } from '../storage/cached';
import { storedItem } from '../storage/stored-item';

// The organization's pages and users as last read. Written by the background only; the popup reads and watches them.
export const pagesCache = storedItem('local:cache.pages', { schema: z.nullable(Cached(PageList)), fallback: null });
export const usersCache = storedItem('local:cache.users', { schema: z.nullable(Cached(UserList)), fallback: null });
