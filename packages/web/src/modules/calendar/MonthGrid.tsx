import type { CalendarDay } from '@ganbu/core';
import { Card, Tooltip, theme } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Special = CalendarDay['reason'];

/** The colours of the day kinds (background, text), from the theme's palette. */
export function useDayColours(): Record<Special, { bg: string; fg: string }> {
  const { token } = theme.useToken();
  return {
    holiday: { bg: token.red2, fg: token.red8 },
    'makeup-workday': { bg: token.orange2, fg: token.orange8 },
    'override-holiday': { bg: token.purple2, fg: token.purple8 },
    'override-workday': { bg: token.cyan2, fg: token.cyan8 },
    weekday: { bg: 'transparent', fg: token.colorText },
    weekend: { bg: 'transparent', fg: token.colorTextTertiary },
  };
}

/** The display name of a special day in the chosen language. */
export function dayName(d: CalendarDay, english: boolean): string {
  return (english ? d.nameEn : undefined) ?? d.name ?? '';
}

interface Run {
  first: number;
  last: number;
  day: CalendarDay;
}

/** Consecutive special days of one kind and name, as one line under the grid ("1–7 国庆节"). */
function runsOf(days: CalendarDay[]): Run[] {
  const runs: Run[] = [];
  for (const d of days) {
    const n = Number(d.date.slice(8));
    const prev = runs.at(-1);
    if (prev && prev.last === n - 1 && prev.day.reason === d.reason && prev.day.name === d.name)
      prev.last = n;
    else runs.push({ first: n, last: n, day: d });
  }
  return runs;
}

/** One month as a small grid (weeks start on Monday), its special days coloured and listed by name. */
export function MonthGrid({ year, month, days }: { year: number; month: number; days: CalendarDay[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const colours = useDayColours();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const first = dayjs(new Date(year, month - 1, 1));
  const blanks = (first.day() + 6) % 7;
  const count = first.daysInMonth();
  const labels = t('calendar.weekdays').split(',');
  const cells: ReactNode[] = [];
  for (let i = 0; i < blanks; i++) cells.push(<span key={`b${i}`} />);
  for (let n = 1; n <= count; n++) {
    const date = first.date(n).format('YYYY-MM-DD');
    const special = byDate.get(date);
    const weekend = [0, 6].includes(first.date(n).day());
    const c = colours[special?.reason ?? (weekend ? 'weekend' : 'weekday')];
    const cell = (
      <span
        key={date}
        data-testid={`cal-day-${date}`}
        data-reason={special?.reason ?? (weekend ? 'weekend' : 'weekday')}
        style={{
          background: c.bg,
          color: c.fg,
          borderRadius: 4,
          textAlign: 'center',
          lineHeight: '22px',
          fontWeight: special ? 600 : 400,
          cursor: special ? 'help' : 'default',
        }}
      >
        {n}
      </span>
    );
    cells.push(
      special ? (
        <Tooltip
          key={date}
          title={`${t('calendar.dayTitle', { date, reason: t(`calendar.reasons.${special.reason}`) })} ${dayName(special, english)}`}
        >
          {cell}
        </Tooltip>
      ) : (
        cell
      ),
    );
  }
  return (
    <Card
      size="small"
      title={t('calendar.monthNames').split(',')[month - 1]}
      data-testid={`cal-month-${month}`}
      styles={{ body: { padding: 8 } }}
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12 }}>
        {labels.map((l, i) => (
          <span key={l} style={{ textAlign: 'center', color: colours[i >= 5 ? 'weekend' : 'weekday'].fg }}>
            {l}
          </span>
        ))}
        {cells}
      </div>
      <div style={{ marginTop: 6, fontSize: 12, minHeight: 18 }}>
        {runsOf(days).map((r) => (
          <div
            key={`${r.first}-${r.day.reason}`}
            style={{
              color: colours[r.day.reason].fg,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {r.first === r.last ? `${r.first}` : `${r.first}–${r.last}`} {dayName(r.day, english)}
            {r.day.reason === 'makeup-workday' || r.day.reason === 'override-workday'
              ? ` · ${t(`calendar.reasons.${r.day.reason}`)}`
              : ''}
          </div>
        ))}
      </div>
    </Card>
  );
}
