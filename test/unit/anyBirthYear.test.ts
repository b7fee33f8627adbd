// A date of birth is read in calendar time only (a 16th birthday, 191 months on), so a child of any age
// starts a process in every profile, through the starter the API uses. Hand-worked (2026 bank holidays:
// Fri 25 Dec, Boxing Day Sat 26 -> Mon 28 Dec):
//  - came into care and placed (foster care) Mon 30 Nov 2026. Review 20 WD (reg 33(1)): Tue 1 - Fri 4 Dec (4),
//    7-11 (9), 14-18 (14), Mon 21 - Thu 24 (18), Tue 29 (19), Wed 30 Dec 2026 (20). Visit within a week: Mon 7 Dec.
//  - born 15 Jun 2011 (aged 15): Derbyshire's leaving-care referral, 191 months on -> 15 May 2027; York's
//    pathway assessment, 189 months on -> 15 Mar 2027.
//  - born 1 Mar 2008, 16 on 1 Mar 2024: York's personal adviser by 210 months (17 and a half) -> 1 Sep 2025;
//    the needs assessment 3 months after the 16th birthday -> 1 Jun 2024.
import type { StartProcess } from '../../processes/contracts';
import { ProcessStarter } from '../../processes/start';
import { buildSchedule } from '../../workflows/clock/schedule';
import { initialState } from '../../workflows/clock/state';
import type { ClockInput } from '../../workflows/clock/types';
import { registry } from '../support/clockInput';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const starter = new ProcessStarter(null as never, registry, 'unused');
const PROFILES = ['england', 'derbyshire', 'northamptonshire', 'bracknell-forest', 'york'];

function started(req: StartProcess) {
  const input: ClockInput = starter.buildInput(req, {}, NOW);
  const steps = buildSchedule(input, initialState(input), NOW, 'wf').steps;
  return { input, step: (key: string) => steps.find((s) => s.key === key), problems: steps.filter((s) => s.problem).map((s) => `${s.key}: ${s.problem}`) };
}

test.each(PROFILES)('a 15-year-old comes into care in %s', (la) => {
  const { input, step, problems } = started({
    type: 'looked-after',
    caseId: `AGED-15-${la}`,
    localAuthority: la,
    anchors: { 'date-of-birth': '2011-06-15', 'became-looked-after': '2026-11-30', 'placement-start': '2026-11-30' },
    anchorKinds: { 'placement-start': 'foster-care' },
  });
  expect(problems).toEqual([]);
  expect(input.calendar.coverage.from >= '2012-01-01').toBe(true);
  expect(step('lac-review')).toMatchObject({ dueDate: '2026-12-30' });
  expect(step('statutory-visit')).toMatchObject({ dueDate: '2026-12-07' });
  if (la === 'derbyshire') expect(step('leaving-care-referral')).toMatchObject({ dueDate: '2027-05-15' });
  if (la === 'york') expect(step('pathway-assessment-start')).toMatchObject({ dueDate: '2027-03-15' });
});

test.each(PROFILES)('a care leaver born in 2008 has a pathway plan in %s', (la) => {
  const { step, problems } = started({ type: 'pathway-plan', caseId: `BORN-2008-${la}`, localAuthority: la, anchors: { 'date-of-birth': '2008-03-01', 'sixteenth-birthday': '2024-03-01' } });
  expect(problems).toEqual([]);
  expect(step('needs-assessment')).toMatchObject({ dueDate: '2024-06-01' });
  if (la === 'york') expect(step('pa-allocated')).toMatchObject({ dueDate: '2025-09-01' });
});

test('working days counted before the official list still refuse, naming the anchor', () => {
  // A referral on 1 Jun 2011: 1 WD on reads Thu 2 Jun 2011, before 2012.
  expect(() => starter.buildInput({ type: 'single-assessment', caseId: 'OLD', localAuthority: 'england', anchors: { 'referral-received': '2011-06-01' } }, {}, NOW)).toThrow(
    expect.objectContaining({ status: 422, field: 'anchors.referral-received', message: expect.stringContaining("2011-06-02 is before the working-day calendar's coverage (from 2012-01-01)") }),
  );
});
