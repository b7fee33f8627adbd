/**
 * The catalogue is the one list of process types: everything else is derived from it, so these check
 * the derivations a newcomer adding a process type would otherwise have to remember.
 */
import * as workflows from '../../workflows';
import { CATALOGUE, PERSONAL_ANCHORS, PROCESS_TYPES, WORKFLOW_TYPE, processTypeOf } from '../../engine/catalogue';
import { MEASURES, nationalDays, ordinal, timelinessReport } from '../../management/timeliness';
import { WorkingDayCalendar } from '../../engine/calendar/workingDays';
import { calendarData } from '../../profiles/calendar';
import { COMPLAINT_TYPES, CP_TYPES, IRO_TYPES } from '../../management/area';
import { ProfileRegistry } from '../../profiles/load';

describe('catalogue', () => {
  it('has the worker export each process type by its workflow name, and nothing else unnamed', () => {
    const exported = Object.keys(workflows).sort();
    const clocks = PROCESS_TYPES.map((t) => CATALOGUE[t].workflow);
    // The three workflows that are not a process's clock: the digest, family events and the referral-id claim.
    expect(exported).toEqual([...clocks, 'dailyDigest', 'familyEvent', 'referralClaim'].sort());
    for (const name of clocks) expect(typeof (workflows as Record<string, unknown>)[name]).toBe('function');
    expect(WORKFLOW_TYPE['child-protection-plan']).toBe('childProtectionPlan');
  });

  it('derives the posts that act on some types only', () => {
    expect(CP_TYPES).toEqual(['child-protection-enquiry', 'child-protection-plan']);
    expect(IRO_TYPES).toEqual(['looked-after', 'pathway-plan']);
    expect(COMPLAINT_TYPES).toEqual(['complaint-statutory', 'complaint-corporate']);
  });

  it('withholds every birth date any process records', () => {
    expect([...PERSONAL_ANCHORS].sort()).toEqual([
      'birth',
      'date-of-birth',
      'expected-delivery-date',
      'sixteenth-birthday',
    ]);
  });

  it('names the process type of a workflow id by its longest prefix', () => {
    expect(processTypeOf('child-protection-plan-C-1-1')).toBe('child-protection-plan');
    expect(processTypeOf('complaint-corporate-C-1-1')).toBe('complaint-corporate');
    expect(processTypeOf('unknown-C-1-1')).toBeUndefined();
  });

  it('counts national measures to the national rule, not a copy of its number', () => {
    const registry = ProfileRegistry.fromDirectory();
    // england.json: assessment-complete 45 working days (Working Together 2023, "no longer than 45
    // working days from the point of referral"); icpc 15 working days (Working Together 2023, chapter 4).
    expect(nationalDays((type) => registry.resolve('england', type))).toEqual({
      'assessment-45wd': 45,
      'icpc-15wd': 15,
    });
    // A national rule that is not a count of working days cannot be a working-day measure.
    const weeks = (type: Parameters<typeof registry.resolve>[1]) => {
      const rules = registry.resolve('england', type);
      return {
        ...rules,
        steps: rules.steps.map((s) => (s.key === 'icpc' ? { ...s, due: { value: 3, unit: 'weeks' as const } } : s)),
      };
    };
    expect(() => nationalDays(weeks)).toThrow(
      'timeliness measure icpc-15wd: the national rule for child-protection-enquiry icpc is not a count of working days',
    );
    expect(MEASURES.map((m) => m.id)).toContain('lac-review-on-time');
  });
});

describe('ordinal', () => {
  it('writes the count as the report says it', () => {
    // English ordinals: 1st 2nd 3rd, the teens all -th, then 21st 22nd 23rd again.
    expect([1, 2, 3, 4, 11, 12, 13, 15, 21, 22, 23, 45, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '15th',
      '21st',
      '22nd',
      '23rd',
      '45th',
      '101st',
      '111th',
    ]);
  });
});

describe('the report names the national count in each definition', () => {
  it('fills {nth} from the national rule', () => {
    const registry = ProfileRegistry.fromDirectory();
    const days = nationalDays((type) => registry.resolve('england', type));
    const cal = WorkingDayCalendar.of(calendarData());
    const report = timelinessReport([], { from: '2026-04-01', to: '2027-03-31', by: 'period' }, cal, days);
    const definition = (id: string) => report.measures.find((m) => m.id === id)!.definition;
    // england.json: 45 working days for the assessment, 15 for the ICPC.
    expect(definition('assessment-45wd')).toContain('no later than the 45th working day after the referral');
    expect(definition('icpc-15wd')).toContain('no later than the 15th working day after the S47 start date');
    expect(report.measures.every((m) => !m.definition.includes('{nth}'))).toBe(true);
  });
});
