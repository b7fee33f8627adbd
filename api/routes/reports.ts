/** GET /api/reports/timeliness: national timeliness measures per LA and period, JSON or CSV (docs/design.md, Managers). */
import { Router } from 'express';
import { z } from 'zod';
import { WorkingDayCalendar } from '../../engine/calendar/workingDays';
import { calendarData } from '../../profiles/calendar';
import { londonDate } from '../../engine/calendar/london';
import type { DirectoryData } from '../../management/directory';
import { MEASURES, timelinessCsv, timelinessReport, type NationalDays } from '../../management/timeliness';
import { PROCESS_TYPES } from '../../engine/profile/schema';
import { allow } from '../auth';
import { MANAGERS } from '../permissions';
import { callerArea, checkInsideArea } from '../callerArea';
import { HttpProblem, parse } from '../problem';
import type { ClockService } from '../../services/clocks';
import { LocalDateSchema } from '../../engine/events/contract';

export const TimelinessQuerySchema = z.object({
  from: LocalDateSchema.optional().describe('first day of the period; default 1 April of the current reporting year'),
  to: LocalDateSchema.optional().describe('last day of the period; default today'),
  localAuthority: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a local authority id such as derbyshire')
    .optional(),
  type: z.enum(PROCESS_TYPES).optional(),
  measure: z.enum(MEASURES.map((m) => m.id) as [string, ...string[]]).optional(),
  by: z.enum(['period', 'month']).default('period'),
  format: z.enum(['json', 'csv']).default('json'),
});

/** 1 April to 31 March, as the CIN census and SSDA903 years run. */
export function reportingYearStart(today: string): string {
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0);
  return `${year}-04-01`;
}

export function reportRoutes(deps: {
  clocks: ClockService;
  directory: DirectoryData;
  nationalDays: NationalDays;
  now?: () => number;
}): Router {
  const r = Router();
  // National (England and Wales) working days: statutory measures never count an LA's closure days.
  const calendar = WorkingDayCalendar.of(calendarData());
  r.get('/reports/timeliness', allow(...MANAGERS, 'complaints-manager'), async (req, res) => {
    const q = parse(TimelinessQuerySchema, req.query, 'query');
    const today = londonDate((deps.now ?? Date.now)());
    const from = q.from ?? reportingYearStart(today);
    const to = q.to ?? today;
    if (from > to)
      throw new HttpProblem(400, 'Invalid request', `query.to: ${to} is before from ${from}`, [
        { field: 'query.to', message: 'before from' },
      ]);
    const area = callerArea(req, deps.directory);
    checkInsideArea(area, q, deps.directory);
    const report = timelinessReport(
      await deps.clocks.views({ area, type: q.type, localAuthority: q.localAuthority }),
      {
        from,
        to,
        by: q.by,
        ...(q.localAuthority ? { localAuthority: q.localAuthority } : {}),
        ...(q.type ? { type: q.type } : {}),
        ...(q.measure ? { measure: q.measure } : {}),
      },
      calendar,
      deps.nationalDays,
    );
    if (q.format === 'csv') {
      res.type('text/csv').setHeader('content-disposition', `attachment; filename="timeliness-${from}-to-${to}.csv"`);
      return res.send(timelinessCsv(report));
    }
    res.json({ area: area.label, ...report });
  });
  return r;
}
