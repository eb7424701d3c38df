import * as z from 'zod/mini';
import { PageList, UserList } from '../../shared/schemas';
import { Cached } from '../storage/cached';
import { orgItem } from '../storage/org-item';

// Each connection's pages and users as last read. Written by the background only; the popup reads and watches them.
export const pagesCache = orgItem('cache.pages', { schema: z.nullable(Cached(PageList)), fallback: null });
export const usersCache = orgItem('cache.users', { schema: z.nullable(Cached(UserList)), fallback: null });
