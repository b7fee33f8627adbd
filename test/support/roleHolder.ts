/**
 * Tests written as "a team manager records this" send a bare role token (dev-team-manager). Since every
 * event and start is checked against the caller's area, the test stack sends it as the person who holds
 * that role for the case (config/directory.json): the case's worker, its team's manager, its LA's head of
 * service, complaints manager, chair or IRO. The authorization tests send their own tokens and are not
 * translated.
 */
import type { DirectoryData } from '../../management/directory';

const BARE = /^dev-(social-worker|team-manager|service-manager|head-of-service|cp-chair|iro|complaints-manager)$/;

export function isBareAreaToken(token: string | null | undefined): token is string {
  return !!token && BARE.test(token);
}

/** The token naming the holder of the bare token's role for a case of `localAuthority` with `assignment`; the bare token when nobody holds it. */
export function holderToken(
  directory: DirectoryData,
  token: string,
  localAuthority: string,
  assignment: { team?: string; workerId?: string } = {},
): string {
  const role = BARE.exec(token)![1];
  const team = assignment.team ? directory.teams[assignment.team] : undefined;
  const la = directory.localAuthorities[localAuthority];
  const person =
    role === 'social-worker'
      ? assignment.workerId
      : role === 'team-manager' || role === 'service-manager'
        ? team?.[role]
        : role === 'head-of-service'
          ? (team?.['head-of-service'] ?? la?.['head-of-service'])
          : la?.[role as 'cp-chair' | 'iro' | 'complaints-manager'];
  return person ? `${token}.${person}` : token;
}
