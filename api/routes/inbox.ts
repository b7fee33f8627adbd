/** GET /api/inbox: what is overdue and due soon in the caller's area, from visibility (docs/design.md, Managers). */
import { Router } from 'express';
import { z } from 'zod';
import { AREA_ROLES } from '../../management/area';
import type { DirectoryData } from '../../management/directory';
import { buildInbox } from '../../management/inbox';
import { PROCESS_TYPES } from '../../engine/profile/schema';
import { OpaqueIdSchema } from '../../engine/events/contract';
import { allow } from '../auth';
import { callerArea, checkInsideArea } from '../callerArea';
import { parse } from '../problem';
import type { ClockService } from '../../services/clocks';

export const InboxQuerySchema = z.object({
  type: z.enum(PROCESS_TYPES).optional(),
  localAuthority: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a local authority id such as derbyshire')
    .optional(),
  team: OpaqueIdSchema.optional(),
  worker: OpaqueIdSchema.optional(),
  dueWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(62)
    .default(7)
    .describe('due soon: within this many calendar days from today'),
  include: z.enum(['overdue', 'due-soon', 'all']).default('all'),
});

export function inboxRoutes(deps: { clocks: ClockService; directory: DirectoryData; now?: () => number }): Router {
  const r = Router();
  r.get(
    '/inbox',
    // Everyone with an area to be told about, and the administrator; the intake system has no inbox.
    allow(...AREA_ROLES, 'admin'),
    async (req, res) => {
      const q = parse(InboxQuerySchema, req.query, 'query');
      const area = callerArea(req, deps.directory);
      checkInsideArea(area, q, deps.directory);
      const now = (deps.now ?? Date.now)();
      const views = await deps.clocks.views({
        area,
        type: q.type,
        localAuthority: q.localAuthority,
        team: q.team,
        openOnly: true,
        dueWithin: { now, days: q.dueWithinDays },
      });
      const inbox = buildInbox(views, now, { ...q, worker: q.worker ?? area.workerId });
      res.json({
        area: {
          label: area.label,
          teams: area.teams,
          localAuthorities: area.localAuthorities,
          types: area.types,
          workerId: area.workerId,
        },
        ...inbox,
      });
    },
  );
  return r;
}
