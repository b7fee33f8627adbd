/** GET /api/calendar/due: the one date arithmetic every rule uses, for people checking by hand. */
import { Router } from 'express';
import { z } from 'zod';
import { UNITS, computeDue } from '../../engine/calendar/due';
import { calendarData } from '../../profiles/calendar';
import { formatLongDate } from '../../engine/calendar/localDate';
import { formatLondon, parseMoment } from '../../engine/calendar/london';
import { CalendarCoverageError, WorkingDayCalendar } from '../../engine/calendar/workingDays';
import type { ProfileRegistry } from '../../profiles/load';
import { provisionalNote } from '../../engine/explain/explain';
import { MomentSchema } from '../../engine/events/contract';
import { EVERYONE, allow } from '../auth';
import { HttpProblem, fromZod } from '../problem';

export const DueQuerySchema = z.object({
  from: MomentSchema,
  add: z.coerce.number().int().min(0).max(3660),
  unit: z.enum(UNITS),
  localAuthority: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  anchorOnNonWorkingDay: z.enum(['count-from-anchor', 'next-working-day']).optional(),
  meeting: z.enum(['true', 'false']).optional(),
});

export function calendarRoutes(profiles: ProfileRegistry): Router {
  const r = Router();
  // One calendar per LA (its closure days), built on first use: profiles do not change at run time.
  const calendars = new Map<string, WorkingDayCalendar>();
  const calendarFor = (la: string) => {
    let cal = calendars.get(la);
    if (!cal) {
      cal = new WorkingDayCalendar(calendarData(la ? profiles.closureDays(la) : []));
      calendars.set(la, cal);
    }
    return cal;
  };
  r.get('/calendar/due', allow(...EVERYONE), (req, res) => {
    const parsed = DueQuerySchema.safeParse(req.query);
    if (!parsed.success) throw fromZod(parsed.error, 'query');
    const q = parsed.data;
    if (q.localAuthority && !profiles.has(q.localAuthority)) {
      throw new HttpProblem(422, 'Unprocessable', `unknown LA profile '${q.localAuthority}'`, [
        { field: 'query.localAuthority', message: 'unknown LA profile' },
      ]);
    }
    const closures = q.localAuthority ? profiles.closureDays(q.localAuthority) : [];
    const cal = calendarFor(q.localAuthority ?? '');
    try {
      const from = parseMoment(q.from, 'query.from');
      const due = computeDue(
        cal,
        from,
        { value: q.add, unit: q.unit },
        {
          withClosures: closures.length > 0,
          anchorOnNonWorkingDay: q.anchorOnNonWorkingDay,
          meeting: q.meeting === 'true',
        },
      );
      res.json({
        from: q.from,
        add: q.add,
        unit: q.unit,
        dueDate: due.dueDate,
        dueDateLong: formatLongDate(due.dueDate),
        dueAt: formatLondon(due.dueAt),
        ...(due.planBy ? { planBy: due.planBy } : {}),
        ...(due.provisional ? { provisional: true, note: provisionalNote(cal) } : {}),
        closureDaysCounted: closures.length > 0,
        calendar: { version: cal.data.version, coverage: cal.data.coverage, provisionalFrom: cal.data.provisionalFrom },
      });
    } catch (err) {
      if (err instanceof CalendarCoverageError)
        throw new HttpProblem(422, 'Unprocessable', err.message, [
          { field: 'query.from', message: 'before the calendar coverage' },
        ]);
      if (err instanceof Error && err.name === 'CalendarInputError')
        throw new HttpProblem(400, 'Invalid request', err.message, [{ field: 'query.from', message: err.message }]);
      throw err;
    }
  });
  return r;
}
