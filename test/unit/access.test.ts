/**
 * Access and identity, as pure functions: areas of the independent roles, where a start would land, the
 * directory check of assignments, and when a retried event is the same event. Expected values are read
 * off config/directory.json by hand and from the rules in docs/access.md.
 */
import { DEFAULT_DIRECTORY_FILE, Directory, assignmentProblem } from '../../management/directory';
import { areaOf, holds, startOutside } from '../../management/area';
import { bodyDifferences, eventBody } from '../../engine/events/sameEvent';
import { repeatedEvent } from '../../engine/events';
import { initialState } from '../../engine/state';
import { clockInput } from '../support/clockInput';

const directory = Directory.fromFile(DEFAULT_DIRECTORY_FILE).data;

describe('areas of the conference chair and the IRO', () => {
  test('LA-wide, on their own process types only', () => {
    // localAuthorities.derbyshire names cpc-derb as cp-chair and iro-derb as iro.
    expect(areaOf(directory, 'cp-chair', 'cpc-derb')).toEqual({
      label: 'cp-chair cpc-derb',
      personId: 'cpc-derb',
      role: 'cp-chair',
      localAuthorities: ['derbyshire'],
      types: ['child-protection-enquiry', 'child-protection-plan'],
    });
    expect(areaOf(directory, 'iro', 'iro-derb')).toEqual({
      label: 'iro iro-derb',
      personId: 'iro-derb',
      role: 'iro',
      localAuthorities: ['derbyshire'],
      types: ['looked-after', 'pathway-plan'],
    });
    expect(() => areaOf(directory, 'iro', 'cpc-derb')).toThrow(
      'cpc-derb is iro of no local authority in the directory',
    );
  });

  test('a chair holds every Derbyshire CP plan whatever the team, and no referral', () => {
    const chair = areaOf(directory, 'cp-chair', 'cpc-derb');
    expect(
      holds(chair, {
        type: 'child-protection-plan',
        localAuthority: 'derbyshire',
        assignment: { team: 'derb-south-assessment' },
      }),
    ).toBe(true);
    expect(
      holds(chair, { type: 'referral', localAuthority: 'derbyshire', assignment: { team: 'derb-north-assessment' } }),
    ).toBe(false);
    expect(
      holds(chair, { type: 'child-protection-plan', localAuthority: 'york', assignment: { team: 'york-ra' } }),
    ).toBe(false);
  });
});

describe('where a start lands', () => {
  const tm = areaOf(directory, 'team-manager', 'tm-derb-north');
  const hos = areaOf(directory, 'head-of-service', 'hos-derb');
  const sw = areaOf(directory, 'social-worker', 'sw-derb-01');
  const start = (localAuthority: string, team?: string, workerId?: string) => ({
    type: 'child-in-need-plan',
    localAuthority,
    assignment: { ...(team ? { team } : {}), ...(workerId ? { workerId } : {}) },
  });

  test('inside: the team manager in their team, the head of service anywhere in their LA, the worker on their own case', () => {
    expect(startOutside(tm, start('derbyshire', 'derb-north-assessment'))).toBeUndefined();
    expect(startOutside(hos, start('derbyshire', 'derb-south-assessment'))).toBeUndefined();
    expect(startOutside(sw, start('derbyshire', undefined, 'sw-derb-01'))).toBeUndefined();
  });

  test('outside: each names the field that takes it there', () => {
    expect(startOutside(tm, start('derbyshire', 'derb-south-assessment'))).toEqual({
      field: 'assignment.team',
      message:
        'derb-south-assessment is not in the area of team-manager tm-derb-north: give one of derb-north-assessment',
    });
    expect(startOutside(tm, start('derbyshire'))).toEqual({
      field: 'assignment.team',
      message:
        'no team given; the process must be in the area of team-manager tm-derb-north: give one of derb-north-assessment',
    });
    expect(startOutside(hos, start('york', 'york-ra'))).toEqual({
      field: 'localAuthority',
      message: 'york is not in the area of head-of-service hos-derb (derbyshire)',
    });
    expect(startOutside(sw, start('derbyshire', undefined, 'sw-derb-02'))).toEqual({
      field: 'assignment.workerId',
      message: 'a social worker starts processes on their own cases only (assignment.workerId sw-derb-01)',
    });
  });
});

describe('assignments checked against the directory', () => {
  test('a team of the LA and a person: accepted', () => {
    expect(
      assignmentProblem(directory, 'derbyshire', { team: 'derb-north-assessment', workerId: 'sw-derb-01' }),
    ).toBeUndefined();
    expect(assignmentProblem(directory, 'derbyshire', undefined)).toBeUndefined();
  });

  test("another LA's team, an unknown team, an unknown worker: refused, naming the field", () => {
    expect(assignmentProblem(directory, 'derbyshire', { team: 'york-ra' })).toEqual({
      field: 'team',
      message: 'york-ra is a team of york, not of derbyshire (its teams: derb-north-assessment, derb-south-assessment)',
    });
    expect(assignmentProblem(directory, 'york', { team: 'york-rra' })).toEqual({
      field: 'team',
      message: 'york-rra is not a team in the directory (teams of york: york-ra)',
    });
    expect(assignmentProblem(directory, 'derbyshire', { workerId: 'sw-derb-99' })).toEqual({
      field: 'workerId',
      message: "sw-derb-99 is not a person in the directory, so nobody would be told of this child's deadlines",
    });
  });
});

describe('the same event, retried', () => {
  const visit = {
    type: 'step-completed' as const,
    eventId: 'v-1',
    step: 'cin-visit',
    occurredAt: '2026-10-20T10:00:00.000Z',
    seen: true,
  };

  test('the sender and the id are not the body; an instant is the same in any notation', () => {
    // 10:00:00.000Z, 10:00:00Z, 10:00:00+00:00 and 11:00+01:00 are one instant.
    const same = [
      visit,
      { ...visit, occurredAt: '2026-10-20T10:00:00Z', by: 'dev-admin', byRole: 'admin' },
      { ...visit, occurredAt: '2026-10-20T10:00:00+00:00' },
      { ...visit, occurredAt: '2026-10-20T11:00+01:00', eventId: 'other' },
    ];
    for (const e of same) expect(eventBody(e)).toBe(eventBody(visit));
    // A date is not an instant: 2026-10-20 is another body than 2026-10-20T10:00Z.
    expect(bodyDifferences(eventBody(visit), eventBody({ ...visit, occurredAt: '2026-10-20' }))).toEqual([
      'occurredAt',
    ]);
  });

  test('another body names every field that differs, another event type included', () => {
    expect(bodyDifferences(eventBody(visit), eventBody({ ...visit, seen: false, step: 'cin-review' }))).toEqual([
      'seen',
      'step',
    ]);
    expect(
      bodyDifferences(
        eventBody(visit),
        eventBody({ type: 'anchor', eventId: 'v-1', anchor: 'plan-agreed', at: '2026-10-20' }),
      ),
    ).toEqual(['anchor', 'at', 'occurredAt', 'seen', 'step', 'type']);
  });

  test('the clock refuses a reused id with another body as a conflict, and takes the same body as a retry', () => {
    const state = initialState(clockInput('derbyshire', 'child-in-need-plan', { 'plan-agreed': '2026-10-01' }));
    state.recentEventIds = ['v-1'];
    state.eventBodies = { 'v-1': eventBody(visit) };
    expect(repeatedEvent(state, { ...visit, occurredAt: '2026-10-20T11:00:00+01:00' })).toBeUndefined();
    expect(repeatedEvent(state, { ...visit, occurredAt: '2026-10-21' })).toEqual({
      field: 'occurredAt',
      message: 'event v-1 was recorded with another body (it differs in occurredAt); a new event needs a new eventId',
      conflict: true,
    });
    // An id recorded before bodies were kept (a run carried from then) is taken as a retry.
    expect(repeatedEvent({ ...state, eventBodies: undefined }, { ...visit, seen: false })).toBeUndefined();
  });
});
