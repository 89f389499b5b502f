import type { zhCN } from './zh-CN.ts';

/** English texts of the calendar module (loaded only when English is chosen). */
export const en: typeof zhCN = {
  calendar: {
    title: 'Working-day calendar',
    year: '{{year}}',
    prevYear: 'Previous year',
    nextYear: 'Next year',
    published: "{{year}}: holidays as published by the State Council's General Office.",
    unpublished:
      '{{year}}: the holiday arrangement is not published yet; statutory holidays only, make-up workdays not included.',
    unpublishedHint:
      'Statutory holidays per article 2 of the National Holidays Regulation. Once the State Council publishes the arrangement, the organisation department may enter its days off and make-up workdays as district overrides.',
    weekdays: 'Mo,Tu,We,Th,Fr,Sa,Su',
    monthNames: 'January,February,March,April,May,June,July,August,September,October,November,December',
    legend: {
      holiday: 'Holiday',
      makeupWorkday: 'Make-up workday',
      overrideHoliday: 'District day off',
      overrideWorkday: 'District workday',
      weekend: 'Weekend',
    },
    reasons: {
      weekday: 'Working day',
      weekend: 'Weekend',
      holiday: 'Holiday',
      'makeup-workday': 'Make-up workday',
      'override-holiday': 'District day off',
      'override-workday': 'District workday',
    },
    sources: {
      official: 'State Council',
      statutory: 'Statutory',
      district: 'District override',
    },
    dayTitle: '{{date}} {{reason}}',
    overrides: 'District overrides',
    overridesHint:
      "The organisation department's changes to the calendar, applied after the State Council's.",
    addOverride: 'Add override',
    overrideAdded: 'Override added',
    overrideDeleted: 'Override deleted',
    deleteConfirm: 'Delete the override of {{date}}?',
    noOverrides: 'No district overrides',
    date: 'Date',
    dateRequired: 'Choose a date',
    kind: 'Type',
    kindHoliday: 'Day off',
    kindWorkday: 'Workday',
    note: 'Note',
    createdBy: 'Entered by',
    calculator: 'Deadline calculator',
    calculatorHint:
      'The N-th working day from the start day (the start day counts when it is a working day).',
    from: 'Start day',
    n: 'Working days',
    compute: 'Compute',
    endsOn: 'Period ends on',
    endsOnValue: '{{date}} ({{weekday}})',
    skipped: 'Days off within the period ({{count}})',
    noneSkipped: 'No days off within the period',
    unpublishedIn: '{{years}}: arrangement not published yet; computed with statutory holidays only',
    weekdayNames: 'Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday',
    problems: {
      CALENDAR_DATE_INVALID: 'Not a valid date',
      CALENDAR_DATE_OUT_OF_RANGE: 'The calendar covers the years 2004–2099',
      CALENDAR_OVERRIDE_NO_EFFECT: 'That day is already arranged this way; nothing to change',
      CONFLICT: 'That day has an override already; delete it first',
    },
  },
};
