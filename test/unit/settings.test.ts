import { columnLetter } from '../../src/domain/a1';
import {
  SETTING_DEFS,
  SettingsError,
  defaultSettings,
  defaultSettingsValues,
  findSettingDef,
  parseBoolean,
  parseEmailList,
  parseSettings,
  parseTimeOfDay,
  parseWeekdays,
} from '../../src/domain/settings';
import { zonedTime } from '../../src/domain/time';
import { quoteSheet } from '../../src/domain/a1';

const TZ = 'America/New_York';

describe('defaults', () => {
  it('match the published support policy', () => {
    const s = defaultSettings();
    expect(s).toEqual({
      dataTab: 'Requests',
      weeklyEmailRecipients: [],
      weeklyEmailDay: 1,
      weeklyEmailHour: 8,
      dailyRefreshHour: 6,
      businessStartMin: 8 * 60,
      businessEndMin: 18 * 60,
      businessDays: [1, 2, 3, 4, 5],
      slaAckHours: 3,
      weekStart: 1,
      smallCountThreshold: 3,
      dashboardPublished: false,
      listValidationMode: 'warn',
      standardizedGoalPct: 95,
      slaGoalPct: 90,
      escalationMinutes: 30,
      resolvedWithinDays: 1,
      // Issue 14: the ask page.
      askFollowUpUrl: '',
      askRateLimitPerHour: 20,
      minKpiN: 5,
    });
  });

  it('the default tab parses back to the defaults with no errors', () => {
    const values = defaultSettingsValues({ dataTab: 'Support log' });
    expect(values[0]).toEqual(['Setting', 'Value', 'Description']);
    expect(values).toHaveLength(SETTING_DEFS.length + 1);
    const p = parseSettings(values);
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(p.settings).toEqual({ ...defaultSettings(), dataTab: 'Support log' });
    expect(p.rows.dataTab).toBe(2);
  });

  it('every setting has a unique label and a description', () => {
    const labels = SETTING_DEFS.map((d) => d.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
    for (const d of SETTING_DEFS) expect(d.description.length).toBeGreaterThan(10);
  });
});

describe('parseSettings', () => {
  const tab = (rows: unknown[][]): unknown[][] => [['Setting', 'Value', 'Description'], ...rows];

  it('reads typed values and tolerates label case and spacing', () => {
    const p = parseSettings(
      tab([
        ['weekly EMAIL recipients', 'lead@va.gov; team@va.gov, lead@va.gov', ''],
        ['Weekly email day', 'fri', ''],
        ['Weekly email hour', 16, ''],
        ['Business hours start', '9:30', ''],
        ['Business hours end', '5pm', ''],
        ['Business days', 'Mon, Wed-Fri', ''],
        ['SLA hours to acknowledge', '4.5', ''],
        ['Week start', 'Sunday', ''],
        ['Small-count threshold', '5', ''],
        ['Dashboard published', true, ''],
        ['List validation mode', 'STRICT', ''],
        ['Standardized goal (%)', 0.9, ''],
      ]),
    );
    expect(p.errors).toEqual([]);
    expect(p.settings).toMatchObject({
      weeklyEmailRecipients: ['lead@va.gov', 'team@va.gov'],
      weeklyEmailDay: 5,
      weeklyEmailHour: 16,
      businessStartMin: 570,
      businessEndMin: 17 * 60,
      businessDays: [1, 3, 4, 5],
      slaAckHours: 4.5,
      weekStart: 0,
      smallCountThreshold: 5,
      dashboardPublished: true,
      listValidationMode: 'strict',
      standardizedGoalPct: 90,
    });
  });

  it('reads a Sheets time cell (a Date on the epoch day) in the spreadsheet time zone', () => {
    const nine = zonedTime(TZ, 1899, 12, 30, 9, 0, 0, 0);
    const p = parseSettings(tab([['Business hours start', nine, '']]), { timeZone: TZ });
    expect(p.settings.businessStartMin).toBe(540);
  });

  it.each<[string, unknown, string]>([
    [
      'Weekly email hour',
      '25',
      "Settings!B2: 'Weekly email hour' must be a whole hour 0-23, got '25'",
    ],
    [
      'Weekly email hour',
      '8.5',
      "Settings!B2: 'Weekly email hour' must be a whole hour 0-23, got '8.5'",
    ],
    [
      'Daily refresh hour',
      '',
      "Settings!B2: 'Daily refresh hour' must be a whole hour 0-23, got ''",
    ],
    [
      'Weekly email day',
      'Funday',
      "Settings!B2: 'Weekly email day' must be a day of the week (Monday..Sunday), got 'Funday'",
    ],
    [
      'Week start',
      'M',
      "Settings!B2: 'Week start' must be a day of the week (Monday..Sunday), got 'M'",
    ],
    [
      'Weekly email recipients',
      'lead@va.gov, not-an-email',
      "Settings!B2: 'Weekly email recipients' must be comma-separated email addresses; not an address: 'not-an-email', got 'lead@va.gov, not-an-email'",
    ],
    [
      'Business hours start',
      '25:00',
      "Settings!B2: 'Business hours start' must be a time of day such as 8:00, got '25:00'",
    ],
    [
      'Business hours end',
      'late',
      "Settings!B2: 'Business hours end' must be a time of day such as 18:00, got 'late'",
    ],
    [
      'Business days',
      'Mon-Fryday',
      "Settings!B2: 'Business days' must be days of the week such as Mon-Fri or Mon, Wed, Fri, got 'Mon-Fryday'",
    ],
    [
      'SLA hours to acknowledge',
      '0',
      "Settings!B2: 'SLA hours to acknowledge' must be a number of hours greater than 0, got '0'",
    ],
    [
      'Small-count threshold',
      '-1',
      "Settings!B2: 'Small-count threshold' must be a whole number 1-1000, got '-1'",
    ],
    [
      'Dashboard published',
      'maybe',
      "Settings!B2: 'Dashboard published' must be TRUE or FALSE, got 'maybe'",
    ],
    [
      'List validation mode',
      'lenient',
      "Settings!B2: 'List validation mode' must be 'warn' or 'strict', got 'lenient'",
    ],
    [
      'Standardized goal (%)',
      '120',
      "Settings!B2: 'Standardized goal (%)' must be a percentage 0-100, got '120'",
    ],
    ['SLA goal (%)', 'high', "Settings!B2: 'SLA goal (%)' must be a percentage 0-100, got 'high'"],
    [
      'Escalation threshold (min)',
      '0',
      "Settings!B2: 'Escalation threshold (min)' must be a whole number of minutes, at least 1, got '0'",
    ],
    [
      'Resolved within (days)',
      'x',
      "Settings!B2: 'Resolved within (days)' must be a number of days greater than 0, got 'x'",
    ],
  ])('an invalid %s names its cell', (label, value, message) => {
    const p = parseSettings(tab([[label, value, '']]));
    expect(p.errors.map((e) => e.message)).toEqual([message]);
    expect(p.errors[0].cell).toBe('Settings!B2');
    // The invalid value falls back to its default.
    const key = findSettingDef(label)?.key;
    if (!key) throw new Error(label);
    expect(p.settings[key]).toEqual(defaultSettings()[key]);
  });

  it('covers every setting that can be invalid with a cell-naming error', () => {
    for (const d of SETTING_DEFS) {
      if (d.key === 'dataTab') continue;
      const p = parseSettings(
        tab([
          ['x', '', ''],
          ['y', '', ''],
          [d.label, '§§ nonsense §§', ''],
        ]),
      );
      expect(p.errors.map((e) => e.cell)).toEqual(['Settings!B4']);
      expect(p.errors[0].message.startsWith(`Settings!B4: '${d.label}' must `)).toBe(true);
    }
  });

  it('names the cell in the row where the setting actually is', () => {
    const p = parseSettings(
      tab([
        ['Week start', 'Monday', ''],
        ['', '', ''],
        ['Weekly email hour', 25, ''],
      ]),
    );
    expect(p.errors[0].message).toBe(
      "Settings!B4: 'Weekly email hour' must be a whole hour 0-23, got '25'",
    );
  });

  it('rejects business hours that end before they start, naming the end cell', () => {
    const p = parseSettings(
      tab([
        ['Business hours start', '18:00', ''],
        ['Business hours end', '8:00', ''],
      ]),
    );
    expect(p.errors.map((e) => e.message)).toEqual([
      "Settings!B3: 'Business hours end' (8:00) must be after 'Business hours start' (18:00)",
    ]);
    expect(p.settings.businessStartMin).toBe(480);
    expect(p.settings.businessEndMin).toBe(1080);
  });

  it('warns on unknown and duplicate settings, keeping the first', () => {
    const p = parseSettings(
      tab([
        ['Weekly email hour', '9', ''],
        ['Colour', 'blue', ''],
        ['Weekly email hour', '10', ''],
      ]),
    );
    expect(p.errors).toEqual([]);
    expect(p.settings.weeklyEmailHour).toBe(9);
    expect(p.warnings.map((w) => w.message)).toEqual([
      "Settings!A3: unknown setting 'Colour' is ignored",
      "Settings!A4: 'Weekly email hour' is already set in Settings!A2; this row is ignored",
    ]);
  });

  it('quotes a tab name that needs it', () => {
    const p = parseSettings([['Weekly email hour', 99]], { sheetName: 'My settings' });
    expect(p.errors[0].message).toBe(
      "'My settings'!B1: 'Weekly email hour' must be a whole hour 0-23, got '99'",
    );
  });

  it('an empty or missing tab gives the defaults', () => {
    expect(parseSettings([]).settings).toEqual(defaultSettings());
    expect(parseSettings([]).rows).toEqual({});
  });

  it('SettingsError lists every issue', () => {
    const p = parseSettings(
      tab([
        ['Weekly email hour', 25, ''],
        ['Week start', 'x', ''],
      ]),
    );
    const e = new SettingsError(p.errors);
    expect(e.message).toContain('Settings!B2');
    expect(e.message).toContain('Settings!B3');
    expect(e).toBeInstanceOf(Error);
  });
});

describe('value parsers', () => {
  it('weekdays', () => {
    expect(parseWeekdays('Mon-Fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('Monday to Friday')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('Fri-Mon')).toEqual([0, 1, 5, 6]);
    expect(parseWeekdays('tue; thu')).toEqual([2, 4]);
    expect(parseWeekdays('')).toBeNull();
    expect(parseWeekdays('Mon-Tue-Wed')).toBeNull();
  });

  it('times of day', () => {
    expect(parseTimeOfDay('8:00', TZ)).toBe(480);
    expect(parseTimeOfDay('8', TZ)).toBe(480);
    expect(parseTimeOfDay(18, TZ)).toBe(1080);
    expect(parseTimeOfDay('12am', TZ)).toBe(0);
    expect(parseTimeOfDay('12 pm', TZ)).toBe(720);
    expect(parseTimeOfDay('6:30 p.m.', TZ)).toBe(1110);
    expect(parseTimeOfDay(0.75, TZ)).toBe(1080);
    expect(parseTimeOfDay('13pm', TZ)).toBeNull();
    expect(parseTimeOfDay('8:75', TZ)).toBeNull();
  });

  it('booleans and email lists', () => {
    expect(parseBoolean('yes')).toBe(true);
    expect(parseBoolean('FALSE')).toBe(false);
    expect(parseBoolean('?')).toBeNull();
    expect(parseEmailList('a@b.co, <c@d.org>; bad@, e@f')).toEqual({
      emails: ['a@b.co', 'c@d.org'],
      invalid: ['bad@', 'e@f'],
    });
  });

  it('A1 helpers', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(703)).toBe('AAA');
    expect(quoteSheet('Settings')).toBe('Settings');
    expect(quoteSheet("Bob's tab")).toBe("'Bob''s tab'");
  });
});
