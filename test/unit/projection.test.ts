// Bank holidays projected by rule (engine/calendar/projection.ts), checked by hand and against GOV.UK's list.
// Weekdays worked from a known one: 1 Jan 2026 and 25 Dec 2026 are a Thursday and a Friday; each year
// moves a day on, two after a 29 February.
import { englandAndWales } from '../../profiles/calendar';
import { dayOfWeek } from '../../engine/calendar/localDate';
import { easterSunday, projectedBankHolidays } from '../../engine/calendar/projection';

const dates = (year: number) => projectedBankHolidays(year).map((d) => d.date);

describe('the computus', () => {
  test('Easter 2035 is Sun 25 Mar', () => {
    // Y = 2035: a = 2035 mod 19 = 2; b = 20, c = 35; d = 5, e = 0; f = 28 div 25 = 1; g = 20 div 3 = 6;
    // h = (38 + 20 - 5 - 6 + 15) mod 30 = 62 mod 30 = 2; i = 8, k = 3; l = (32 + 0 + 16 - 2 - 3) mod 7 = 43 mod 7 = 1;
    // m = (2 + 22 + 22) div 451 = 0; h + l - 7m + 114 = 117: month 117 div 31 = 3, day 117 mod 31 + 1 = 25.
    expect(easterSunday(2035)).toBe('2035-03-25');
    expect(dayOfWeek('2035-03-25')).toBe(0);
  });

  test('Easter 2057 is Sun 22 Apr', () => {
    // Y = 2057: a = 2057 - 19*108 = 5; b = 20, c = 57; d = 5, e = 0; f = 1; g = 6;
    // h = (95 + 20 - 5 - 6 + 15) mod 30 = 119 mod 30 = 29; i = 14, k = 1; l = (32 + 0 + 28 - 29 - 1) mod 7 = 30 mod 7 = 2;
    // m = (5 + 319 + 44) div 451 = 0; 29 + 2 + 114 = 145: month 145 div 31 = 4, day 145 mod 31 + 1 = 22.
    expect(easterSunday(2057)).toBe('2057-04-22');
    expect(dayOfWeek('2057-04-22')).toBe(0);
  });
});

describe('a projected year', () => {
  test('2035, every day by its rule', () => {
    // 1 Jan 2035 is a Monday (2033 Sat, 2034 Sun, 2035 Mon). Easter Sun 25 Mar: Good Friday 23, Easter Monday 26 Mar.
    // 1 May is 120 days after 1 Jan (31+28+31+30): Mon + 120 mod 7 (1) = Tue, so the first Monday is 7 May;
    // 31 May is Tue + 30 mod 7 (2) = Thu, the last Monday 28 May; 1 Aug is Tue + 92 mod 7 (1) = Wed, 31 Aug
    // Wed + 2 = Fri, the last Monday 27 Aug. 25 Dec 2035 is a Tuesday (2032 Sat, 2033 Sun, 2034 Mon).
    expect(projectedBankHolidays(2035)).toEqual([
      { date: '2035-01-01', title: 'New Year’s Day' },
      { date: '2035-03-23', title: 'Good Friday' },
      { date: '2035-03-26', title: 'Easter Monday' },
      { date: '2035-05-07', title: 'Early May bank holiday' },
      { date: '2035-05-28', title: 'Spring bank holiday' },
      { date: '2035-08-27', title: 'Summer bank holiday' },
      { date: '2035-12-25', title: 'Christmas Day' },
      { date: '2035-12-26', title: 'Boxing Day' },
    ]);
  });

  test('substitute days: Christmas on a Saturday, a Sunday, Boxing Day on a Saturday; New Year at a weekend', () => {
    // 25 Dec 2032 is a Saturday (2026 Fri, 2027 Sat, 2028 Mon, 2029 Tue, 2030 Wed, 2031 Thu, 2032 Sat):
    // Sun 26 is no holiday; Mon 27 and Tue 28 are.
    expect(dates(2032).slice(-2)).toEqual(['2032-12-27', '2032-12-28']);
    // 25 Dec 2033 is a Sunday: Boxing Day Mon 26, Christmas Day's substitute Tue 27.
    expect(dates(2033).slice(-2)).toEqual(['2033-12-26', '2033-12-27']);
    // 25 Dec 2037 is a Friday (2035 Tue, 2036 Thu, 2037 Fri): Boxing Day Sat 26, its substitute Mon 28.
    expect(dates(2037).slice(-2)).toEqual(['2037-12-25', '2037-12-28']);
    // 1 Jan 2033 is a Saturday -> Mon 3 Jan; 1 Jan 2034 a Sunday -> Mon 2 Jan.
    expect(dates(2033)[0]).toBe('2033-01-03');
    expect(dates(2034)[0]).toBe('2034-01-02');
  });
});

describe('the rule against GOV.UK, 2012 to 2028', () => {
  // The only differences are days the rule cannot know: one-off bank holidays and the regular ones they moved.
  const ONE_OFF: Record<number, { official: string[]; projected: string[] }> = {
    // Diamond Jubilee: spring bank holiday moved from Mon 28 May to Mon 4 Jun, plus Tue 5 Jun.
    2012: { official: ['2012-06-04', '2012-06-05'], projected: ['2012-05-28'] },
    // VE day: the early May bank holiday moved from Mon 4 May to Fri 8 May.
    2020: { official: ['2020-05-08'], projected: ['2020-05-04'] },
    // Platinum Jubilee: spring bank holiday moved from Mon 30 May to Thu 2 Jun, plus Fri 3 Jun; the state funeral Mon 19 Sep.
    2022: { official: ['2022-06-02', '2022-06-03', '2022-09-19'], projected: ['2022-05-30'] },
    // The coronation, Mon 8 May.
    2023: { official: ['2023-05-08'], projected: [] },
  };

  test.each(Array.from({ length: 17 }, (_, i) => 2012 + i))('%i', (year) => {
    const official = englandAndWales.days.filter((d) => d.date.startsWith(`${year}-`)).map((d) => d.date);
    const projected = dates(year);
    const known = ONE_OFF[year] ?? { official: [], projected: [] };
    expect(official.filter((d) => !projected.includes(d))).toEqual(known.official);
    expect(projected.filter((d) => !official.includes(d))).toEqual(known.projected);
  });
});
