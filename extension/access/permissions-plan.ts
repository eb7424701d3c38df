import * as z from 'zod/mini';
import { PagePermissions } from '../../shared/schemas';

/**
 * A planned full replacement of one user's permissions (the popup's save, one user of a bulk change or of its undo):
 * it goes ahead only if the server still has exactly `before`, and then the user has exactly `after`.
 */
export const PermissionsPlan = {
  /** As read when the change was planned (the editor opened, the scan read): the guard. */
  before: PagePermissions,
  /** The complete mapping the user should have: a page left out loses access. */
  after: PagePermissions,
};
export const PermissionsPlanSchema = z.object(PermissionsPlan);
export type PermissionsPlan = z.infer<typeof PermissionsPlanSchema>;
