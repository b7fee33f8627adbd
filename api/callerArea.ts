/** The caller's area (management/area.ts): whose cases they may list. Admin and the intake system see all. */
import type { Request } from 'express';
import { AREA_ROLES, Area, AreaError, AreaRole, EVERYONE_AREA, areaOf, outsideArea } from '../management/area';
import type { DirectoryData } from '../management/directory';
import { HttpProblem } from './problem';

export function callerArea(req: Request, directory: DirectoryData): Area {
  const caller = req.caller!;
  if (!(AREA_ROLES as readonly string[]).includes(caller.role)) return EVERYONE_AREA;
  if (!caller.personId) {
    throw new HttpProblem(
      403,
      'Forbidden',
      `lists are scoped to the caller's area, so a ${caller.role} token must name the person (e.g. dev-${caller.role}.<personId> in development)`,
      [{ field: 'authorization', message: 'no person named' }],
    );
  }
  try {
    return areaOf(directory, caller.role as AreaRole, caller.personId);
  } catch (err) {
    if (err instanceof AreaError)
      throw new HttpProblem(403, 'Forbidden', err.message, [{ field: 'authorization', message: err.message }]);
    throw err;
  }
}

/** 403 naming the filter that reaches outside the caller's area; nobody lists another team's cases. */
export function checkInsideArea(
  area: Area,
  filter: { team?: string; localAuthority?: string; type?: string; worker?: string },
  directory: DirectoryData,
): void {
  const outside = outsideArea(area, filter, (team) => directory.teams[team]?.localAuthority);
  if (outside)
    throw new HttpProblem(403, 'Forbidden', outside.message, [
      { field: `query.${outside.field}`, message: outside.message },
    ]);
}
