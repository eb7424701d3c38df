import * as z from 'zod/mini';
import { PagePermissions } from '../../shared/schemas';
import { Cached } from '../storage/cached';
import { orgItem, orgKeyedItem } from '../storage/org-item';
import { RoleBasedAccess } from './role-based-access';

// Per connection; written by the background only (single writer); the popup reads and watches them.
export const permissionsCache = orgKeyedItem('cache.permissions.', { schema: z.nullable(Cached(PagePermissions)), fallback: null });
export const roleBasedAccessCache = orgItem('cache.roleBasedAccess', { schema: RoleBasedAccess, fallback: {} });
