/**
 * The roles a caller of the API acts in (a bearer token names one). Distinct from the roles a profile's
 * ladder tells (engine/profile/schema.ts NOTIFICATION_ROLES): `intake-system` and `admin` call but are never
 * told, and a ladder names `assigned-worker` and posts such as `duty-manager` that call as a social worker
 * or a manager.
 */
import { z } from 'zod';

export const API_ROLES = [
  'intake-system',
  'social-worker',
  'team-manager',
  'service-manager',
  'head-of-service',
  'cp-chair',
  'iro',
  'complaints-manager',
  'admin',
] as const;
export const ApiRoleSchema = z.enum(API_ROLES);
export type ApiRole = z.infer<typeof ApiRoleSchema>;
