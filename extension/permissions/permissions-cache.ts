import * as z from 'zod/mini';
import { PagePermissions } from '../../shared/schemas';
import { Cached } from '../storage/cached';
import { keyedItem } from '../storage/keyed-item';
import { storedItem } from '../storage/stored-item';
import { RoleBasedAccess } from './role-based-access';

// Written by the background only (single writer); the popup reads and watches them.
export const permissionsCache = keyedItem('local:cache.permissions.', { schema: z.nullable(Cached(PagePermissions)), fallback: null });
export const roleBasedAccessCache = storedItem('local:cache.roleBasedAccess', { schema: RoleBasedAccess, fallback: {} });
