// Every expected date here was worked out by hand from the England and Wales bank-holiday list
// (GOV.UK) and a printed calendar; the comment on each line shows the count.
import { computeDue, durationWords } from '../../engine/calendar/due';
import { calendarData, englandAndWales } from '../../profiles/calendar';
import { addMonths, parseLocalDate } from '../../engine/calendar/localDate';
import {
  clockChangesBetween,
  describeClockChange,
  endOfLondonDay,
  formatLondon,
  formatLondonWords,
  londonWallTime,
  momentWords,
  parseMoment,
} from '../../engine/calendar/london';
import { CalendarCoverageError, WorkingDayCalendar } from '../../engine/calendar/workingDays';

const cal = new WorkingDayCalendar(calendarData());
const due = (
  from: string,
  value: number,
  unit: 'working-days' | 'calendar-days' | 'weeks' | 'months' | 'hours',
  opts = {},
) => computeDue(cal, parseMoment(from), { value, unit }, opts);

describe('vendored calendar', () => {
  test('holds the official list from 2012, its one-off days of 2022 and 2023, and says where projection starts', () => {
    expect(englandAndWales.coverage).toEqual({ from: '2012-01-01' });
    // GOV.UK's list ends with Boxing Day, Tue 26 Dec 2028: every day after it is projected.
    expect(englandAndWales.provisionalFrom).toBe('2028-12-27');
    expect(englandAndWales.days.at(-1)).toEqual({ date: '2028-12-26', title: 'Boxing Day', source: 'gov.uk' });
    expect(englandAndWales.days.every((d) => d.source === 'gov.uk')).toBe(true);
    const dates = new Set(englandAndWales.days.map((d) => d.date));
    for (const d of ['2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) expect(dates.has(d)).toBe(true);
    // 2022's spring bank holiday moved from the usual last Monday of May (30 May) to 2 June.
    expect(dates.has('2022-05-30')).toBe(false);
    // Every official year from 2015 has at least the 8 regular bank holidays.
    for (let y = 2015; y <= 2028; y++)
      expect([...dates].filter((d) => d.startsWith(`${y}-`)).length).toBeGreaterThanOrEqual(8);
  });
});

describe('working days (the day of X does not count; the Nth working day after)', () => {
  test.each([
    // Thu 24 Dec 2026 + 1 WD: Fri 25 Christmas, Mon 28 Boxing Day (substitute) -> Tue 29 Dec
    ['2026-12-24', 1, '2026-12-29'],
    // Fri 19 Dec 2025 + 1 -> Mon 22 Dec
    ['2025-12-19T15:00:00+00:00', 1, '2025-12-22'],
    // Sat 23 May 2026 + 1: Sun, Mon 25 spring bank holiday -> Tue 26 May
    ['2026-05-23', 1, '2026-05-26'],
    // Mon 30 Mar 2026 + 15: Good Friday 3 Apr, Easter Monday 6 Apr skipped -> Wed 22 Apr
    ['2026-03-30', 15, '2026-04-22'],
    // Thu 27 Aug 2026 + 2: Fri 28 (1), Mon 31 bank holiday, Tue 1 Sep (2)
    ['2026-08-27', 2, '2026-09-01'],
    // Christmas and New Year: Wed 23 Dec 2026 + 5: Thu 24 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), [Fri 1 Jan], Mon 4 Jan (5)
    ['2026-12-23', 5, '2027-01-04'],
    // Maundy Thursday 2027 (25 Mar) + 1: Good Friday 26, Easter Monday 29 -> Tue 30 Mar
    ['2027-03-25', 1, '2027-03-30'],
    // Early May: Fri 30 Apr 2027 + 1: Mon 3 May bank holiday -> Tue 4 May
    ['2027-04-30', 1, '2027-05-04'],
    // 2022 one-offs: Wed 1 Jun + 1: Thu 2 (spring, moved) and Fri 3 (Platinum Jubilee) -> Mon 6 Jun
    ['2022-06-01', 1, '2022-06-06'],
    // Queen's funeral: Fri 16 Sep 2022 + 1: Mon 19 -> Tue 20 Sep
    ['2022-09-16', 1, '2022-09-20'],
    // Coronation: Fri 5 May 2023 + 1: Mon 8 May -> Tue 9 May
    ['2023-05-05', 1, '2023-05-09'],
    // Leap year: Wed 28 Feb 2024 + 1 -> Thu 29 Feb 2024; Thu 29 Feb + 1 -> Fri 1 Mar
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    // Month end: Fri 29 Jan 2027 + 2: Mon 1 Feb (1), Tue 2 Feb (2)
    ['2027-01-29', 2, '2027-02-02'],
    // 0 WD is the day itself
    ['2026-06-10', 0, '2026-06-10'],
  ])('%s + %i WD = %s', (from, n, expected) => {
    expect(due(from as string, n as number, 'working-days').dueDate).toBe(expected);
  });

  test('an anchor on a non-working day may be treated as received on the next working day', () => {
    // Sat 23 May 2026 -> received Tue 26 (Mon 25 bank holiday) -> + 1 = Wed 27 May
    expect(due('2026-05-23', 1, 'working-days', { anchorOnNonWorkingDay: 'next-working-day' }).dueDate).toBe(
      '2026-05-27',
    );
  });

  test('LA closure days move local targets but never statutory ones', () => {
    const withClosures = new WorkingDayCalendar(
      calendarData([{ date: '2026-12-29' }, { date: '2026-12-30' }, { date: '2026-12-31' }]),
    );
    const from = parseMoment('2026-12-24');
    // local: Tue 29, Wed 30, Thu 31 closed, Fri 1 Jan bank holiday -> Mon 4 Jan 2027
    expect(computeDue(withClosures, from, { value: 1, unit: 'working-days' }, { withClosures: true }).dueDate).toBe(
      '2027-01-04',
    );
    // statutory: Tue 29 Dec as always
    expect(computeDue(withClosures, from, { value: 1, unit: 'working-days' }).dueDate).toBe('2026-12-29');
  });

  test('working days before, and the last working day on or before', () => {
    // 2 WD before Wed 6 Jun 2029: Tue 5 (1), Mon 4 (2)
    expect(cal.workingDaysBefore('2029-06-06', 2)).toBe('2029-06-04');
    // Sun 28 Feb 2027 -> Fri 26 Feb 2027
    expect(cal.workingDayOnOrBefore('2027-02-28')).toBe('2027-02-26');
  });
});

describe('calendar time', () => {
  test('months: same day of month, or the last day of a shorter month', () => {
    expect(due('2026-03-31', 3, 'months').dueDate).toBe('2026-06-30'); // no 31 June
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  test('a meeting due at a weekend keeps its date and gets planBy (docs/design.md, Time)', () => {
    // RCPC Fri 28 Aug 2026 + 6 months -> Sun 28 Feb 2027, planBy Fri 26 Feb 2027
    expect(due('2026-08-28', 6, 'months', { meeting: true })).toMatchObject({
      dueDate: '2027-02-28',
      planBy: '2027-02-26',
    });
  });

  test('weeks and calendar days count calendar time, weekends and holidays included', () => {
    expect(due('2026-12-20', 1, 'weeks').dueDate).toBe('2026-12-27'); // Sun 20 Dec + 1 week = Sun 27 Dec
    expect(due('2026-12-24', 7, 'calendar-days').dueDate).toBe('2026-12-31');
  });

  test('hours are elapsed hours from a datetime and need a time', () => {
    // Fri 22 May 2026 16:00 BST + 24 h -> Sat 23 May 2026 16:00 BST
    const d = due('2026-05-22T16:00:00+01:00', 24, 'hours');
    expect(d.dueDate).toBe('2026-05-23');
    expect(formatLondon(d.lateFrom)).toBe('2026-05-23T16:00:00+01:00');
    // Across the clocks going back (Sun 25 Oct 2026 02:00 BST -> 01:00 GMT): 24 elapsed hours = 15:00 GMT
    expect(formatLondon(due('2026-10-24T16:00:00+01:00', 24, 'hours').lateFrom)).toBe('2026-10-25T15:00:00+00:00');
    expect(() => due('2026-05-22', 24, 'hours')).toThrow(/needs a datetime anchor/);
  });

  test('an hour rule is on time at its instant and late only after it; a day rule at the end of its day', () => {
    // Fri 22 May 2026 16:00 BST (15:00Z) + 24 h: due Sat 23 May 16:00:00 BST, the last instant on time;
    // late from 1 ms after it.
    const d = due('2026-05-22T16:00:00+01:00', 24, 'hours');
    expect([formatLondon(d.dueAt), d.lateFrom - d.dueAt]).toEqual(['2026-05-23T16:00:00+01:00', 1]);
    // Thu 24 Dec 2026 + 1 WD = Tue 29 Dec: on time to 23:59:59 GMT, late from 00:00 Wed 30 Dec.
    const w = due('2026-12-24', 1, 'working-days');
    expect([formatLondon(w.dueAt), formatLondon(w.lateFrom)]).toEqual([
      '2026-12-29T23:59:59+00:00',
      '2026-12-30T00:00:00+00:00',
    ]);
  });

  test("a meeting's planBy is never before the day its anchor fell on (docs/design.md, Time)", () => {
    // Concern 23:30Z Sat 24 Oct 2026 = 00:30 BST Sun 25 Oct; the clocks go back at 02:00 BST, so 24 elapsed
    // hours end at 23:30 GMT Sun 25 Oct. The last working day on or before Sun 25 Oct is Fri 23 Oct, before
    // the concern was raised: planBy is the anchor's London date, Sun 25 Oct.
    const d = due('2026-10-24T23:30:00Z', 24, 'hours', { meeting: true });
    expect([d.dueDate, formatLondon(d.dueAt), d.planBy]).toEqual([
      '2026-10-25',
      '2026-10-25T23:30:00+00:00',
      '2026-10-25',
    ]);
    // Concern Fri 23 Oct 2026 23:00 BST + 24 h = Sat 24 Oct 23:00 BST: planBy Fri 23 Oct, a working day, after no clamp.
    expect(due('2026-10-23T23:00:00+01:00', 24, 'hours', { meeting: true }).planBy).toBe('2026-10-23');
    // A meeting counted back (a pre-birth conference 12 weeks before the expected date) keeps planBy before it:
    // Tue 1 Jun 2027 - 12 weeks = Tue 9 Mar 2027, a working day.
    expect(
      computeDue(cal, parseMoment('2027-06-01'), { value: 12, unit: 'weeks', before: true }, { meeting: true }).planBy,
    ).toBe('2027-03-09');
  });

  test('clock changes between two instants, named as London reads them', () => {
    // BST ends Sun 25 Oct 2026 01:00Z (02:00 BST -> 01:00 GMT); begins Sun 29 Mar 2026 01:00Z (01:00 GMT -> 02:00 BST).
    const back = clockChangesBetween(Date.parse('2026-10-24T23:30:00Z'), Date.parse('2026-10-25T23:30:00Z'));
    expect(back.map((c) => [new Date(c.at).toISOString(), describeClockChange(c)])).toEqual([
      ['2026-10-25T01:00:00.000Z', 'the clocks go back at 02:00 BST on 25 Oct 2026'],
    ]);
    const forward = clockChangesBetween(Date.parse('2026-03-28T12:00:00Z'), Date.parse('2026-03-29T12:00:00Z'));
    expect(forward.map((c) => [new Date(c.at).toISOString(), describeClockChange(c)])).toEqual([
      ['2026-03-29T01:00:00.000Z', 'the clocks go forward at 01:00 GMT on 29 Mar 2026'],
    ]);
    expect(clockChangesBetween(Date.parse('2026-05-22T15:00:00Z'), Date.parse('2026-05-23T15:00:00Z'))).toEqual([]);
    expect(formatLondonWords(Date.parse('2026-10-24T23:30:00Z'))).toBe('00:30 BST Sun 25 Oct 2026');
    expect([momentWords('2026-11-03T09:30:00Z'), momentWords('2026-11-03')]).toEqual([
      '09:30 GMT Tue 3 Nov 2026',
      'Tue 3 Nov 2026',
    ]);
  });

  test('a count of one is singular', () => {
    expect([
      durationWords({ value: 1, unit: 'working-days' }),
      durationWords({ value: 2, unit: 'working-days' }),
      durationWords({ value: 1, unit: 'months' }),
      durationWords({ value: 24, unit: 'hours' }),
    ]).toEqual(['1 working day', '2 working days', '1 month', '24 hours']);
  });
});

describe('no calendar cliff', () => {
  test('calendar time reads no bank holiday, so any year is accepted', () => {
    // A 16th birthday from a 1995 birth, 192 months on: 10 Mar 1995 -> 10 Mar 2011.
    expect(due('1995-03-10', 192, 'months')).toEqual({
      dueDate: '2011-03-10',
      dueAt: endOfLondonDay('2011-03-10') - 1000,
      lateFrom: endOfLondonDay('2011-03-10'),
    });
    // Leaving care at 25 for a child born Wed 14 Feb 2035: 300 months -> 14 Feb 2060; no provisional flag.
    expect(due('2035-02-14', 300, 'months')).toEqual({
      dueDate: '2060-02-14',
      dueAt: endOfLondonDay('2060-02-14') - 1000,
      lateFrom: endOfLondonDay('2060-02-14'),
    });
    // 1 week and 7 calendar days from 20 Dec 2099 -> 27 Dec 2099.
    expect(due('2099-12-20', 1, 'weeks').dueDate).toBe('2099-12-27');
    expect(due('2011-06-01', 7, 'calendar-days').dueDate).toBe('2011-06-08');
  });

  test('working days past the official list count projected bank holidays and are provisional', () => {
    const cal2 = WorkingDayCalendar.of(calendarData());
    expect([cal2.isProvisional('2028-12-26'), cal2.isProvisional('2028-12-27')]).toEqual([false, true]);
    // Fri 24 Dec 2032 + 1 WD: Sat 25, Sun 26, Mon 27 and Tue 28 (Christmas on a Saturday) -> Wed 29 Dec 2032.
    expect(due('2032-12-24', 1, 'working-days')).toEqual({
      dueDate: '2032-12-29',
      dueAt: endOfLondonDay('2032-12-29') - 1000,
      lateFrom: endOfLondonDay('2032-12-29'),
      provisional: true,
    });
    // Thu 22 Mar 2035 + 1 WD: Good Friday 23, Easter Monday 26 Mar -> Tue 27 Mar 2035.
    expect(due('2035-03-22', 1, 'working-days').dueDate).toBe('2035-03-27');
    // Thu 23 Dec 2060 + 1 WD: 25 Dec 2060 is a Saturday (2059 Thu, 2060 Sat, a leap year), so Fri 24 counts -> Fri 24 Dec 2060.
    expect(due('2060-12-23', 1, 'working-days').dueDate).toBe('2060-12-24');
    // Fri 24 Dec 2060 + 1 WD: Mon 27, Tue 28 are substitute days -> Wed 29 Dec 2060.
    expect(due('2060-12-24', 1, 'working-days').dueDate).toBe('2060-12-29');
    // Official years are not provisional: Thu 24 Dec 2026 + 1 WD -> Tue 29 Dec 2026.
    expect(due('2026-12-24', 1, 'working-days')).toEqual({
      dueDate: '2026-12-29',
      dueAt: endOfLondonDay('2026-12-29') - 1000,
      lateFrom: endOfLondonDay('2026-12-29'),
    });
    // Fri 22 Dec 2028 + 2 WD: Mon 25, Tue 26 (official), Wed 27 Dec (the first projected day) -> Thu 28 Dec: provisional.
    expect(due('2028-12-22', 2, 'working-days')).toMatchObject({ dueDate: '2028-12-28', provisional: true });
    // A month rule due Sat 30 Dec 2028 keeps its date; its meeting's plan-by date, Fri 29 Dec, is a projected working day.
    expect(due('2028-06-30', 6, 'months', { meeting: true })).toEqual({
      dueDate: '2028-12-30',
      dueAt: endOfLondonDay('2028-12-30') - 1000,
      lateFrom: endOfLondonDay('2028-12-30'),
      planBy: '2028-12-29',
      provisional: true,
    });
  });
});

describe('Europe/London', () => {
  test('wall time across daylight saving', () => {
    expect(new Date(londonWallTime('2026-03-29', 9)).toISOString()).toBe('2026-03-29T08:00:00.000Z'); // BST from 01:00 UTC
    expect(new Date(londonWallTime('2026-10-25', 9)).toISOString()).toBe('2026-10-25T09:00:00.000Z'); // GMT again
    expect(new Date(londonWallTime('2027-01-15', 9)).toISOString()).toBe('2027-01-15T09:00:00.000Z');
    expect(new Date(endOfLondonDay('2026-06-30')).toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  test('a datetime late in the evening UTC is the next London day in summer', () => {
    expect(parseMoment('2026-06-30T23:30:00Z').date).toBe('2026-07-01');
  });
});

describe('bad input is an error, never a guess', () => {
  test('working days before the first official year', () => {
    // Fri 30 Dec 2011 + 1 WD reads Sat 31 Dec 2011, before the list: a past year's one-off days cannot be projected.
    expect(() => due('2011-12-30', 1, 'working-days')).toThrow(CalendarCoverageError);
    expect(() => due('2011-12-30', 1, 'working-days')).toThrow(
      "2011-12-31 is before the working-day calendar's coverage (from 2012-01-01)",
    );
    // Sat 31 Dec 2011 + 1 WD reads only 2012: Sun 1 Jan, Mon 2 Jan (New Year's Day, substitute) -> Tue 3 Jan 2012.
    expect(due('2011-12-31', 1, 'working-days').dueDate).toBe('2012-01-03');
    // A meeting's plan-by date is a working day: 1 Jan 2005 + 6 months = Fri 1 Jul 2005, before the list.
    expect(() => due('2005-01-01', 6, 'months', { meeting: true })).toThrow(CalendarCoverageError);
  });

  test('a calendar made before projection still refuses past its end (a running process replays the same)', () => {
    const old = new WorkingDayCalendar({
      version: 'old',
      region: 'england-and-wales',
      coverage: { from: '2012-01-01', to: '2045-12-31' },
      holidays: [],
      closures: [],
    });
    // Fri 29 Dec 2045 + 1 WD reads Mon 1 Jan 2046, past the old list.
    expect(() => computeDue(old, parseMoment('2045-12-29'), { value: 1, unit: 'working-days' })).toThrow(
      /outside the working-day calendar's coverage \(2012-01-01 to 2045-12-31\)/,
    );
  });

  test('impossible and malformed dates name the field', () => {
    expect(() => parseLocalDate('2027-02-29', 'anchors.referral-received')).toThrow(
      "anchors.referral-received: '2027-02-29' is not a day in the calendar",
    );
    expect(() => parseMoment('2026-13-01', 'from')).toThrow(/from: '2026-13-01' is not a day/);
    expect(() => parseMoment('24/12/2026', 'from')).toThrow(/from: '24\/12\/2026' is neither a date/);
    expect(() => parseMoment('2026-12-24T25:00:00Z', 'from')).toThrow(/impossible time/);
    expect(() => parseMoment('2026-12-24T10:00:00', 'from')).toThrow(/with an offset/);
  });
});
