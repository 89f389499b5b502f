import { CheckOutlined, SaveOutlined } from '@ant-design/icons';
import type { Enrolment, Programme } from '@ganbu/core';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { chinaDay } from '../../../lib/china-day.ts';
import { DAY, fmtDays } from './common.tsx';
import { useAttendance, useEnrolments, useRecordAttendance } from './api.ts';

/** Enrolments that take part: attendance is recorded for them. */
const TAKING_PART = new Set(['admitted', 'confirmed', 'named', 'substitution_requested']);
const WHOLE = 'whole';

interface Mark {
  attended: boolean;
  leaveReason: string;
}

/**
 * 考勤: pick a session (or the whole programme), press 全部出勤, untick the absent ones and type their leave
 * reason, save. Each row is a checkbox and a text field, so Tab / Space walk the list without the mouse.
 */
export function AttendanceTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [session, setSession] = useState<string>(p.sessions[0]?.id ?? WHOLE);
  const enrolments = useEnrolments({ programmeId: p.id, page: 1, pageSize: 200 });
  const recorded = useAttendance(p.id);
  const save = useRecordAttendance();
  const [marks, setMarks] = useState<Map<string, Mark>>(new Map());
  const people = useMemo(
    () => (enrolments.data?.items ?? []).filter((e) => TAKING_PART.has(e.status)),
    [enrolments.data],
  );
  const sessionId = session === WHOLE ? null : session;

  // what is already recorded for the chosen session fills the grid
  useEffect(() => {
    const next = new Map<string, Mark>();
    for (const r of recorded.data?.items ?? [])
      if (r.sessionId === sessionId)
        next.set(r.cadreId, { attended: r.attended, leaveReason: r.leaveReason });
    setMarks(next);
  }, [recorded.data, sessionId]);

  const credit = useMemo(() => {
    const out = new Map<string, number>();
    for (const r of recorded.data?.items ?? [])
      if (r.sessionId === sessionId && r.attended) out.set(r.cadreId, r.creditDays);
    return out;
  }, [recorded.data, sessionId]);

  const setMark = (cadreId: string, patch: Partial<Mark>) =>
    setMarks((prev) => {
      const next = new Map(prev);
      const cur = next.get(cadreId) ?? { attended: false, leaveReason: '' };
      next.set(cadreId, { ...cur, ...patch });
      return next;
    });
  const allPresent = () =>
    setMarks(new Map(people.map((e) => [e.cadreId, { attended: true, leaveReason: '' }] as const)));

  const unmarked = people.filter((e) => !marks.has(e.cadreId)).length;
  const absent = people.filter((e) => marks.get(e.cadreId)?.attended === false).length;

  const onSave = () => {
    const records = people
      .filter((e) => marks.has(e.cadreId))
      .map((e) => {
        const m = marks.get(e.cadreId) as Mark;
        return { cadreId: e.cadreId, attended: m.attended, leaveReason: m.attended ? '' : m.leaveReason };
      });
    if (records.length === 0) return;
    save.mutate(
      { id: p.id, input: { sessionId, records } },
      {
        onSuccess: () =>
          void message.success(t('training.programmes.attendance.saved', { count: records.length })),
      },
    );
  };

  const columns: TableColumnsType<Enrolment> = [
    { title: t('training.programmes.enrol.cadre'), dataIndex: 'cadreName', width: 100 },
    { title: t('training.programmes.enrol.unit'), dataIndex: 'unitName', ellipsis: true, width: 200 },
    {
      title: t('training.programmes.attendance.present'),
      key: 'present',
      width: 90,
      render: (_: unknown, e) => {
        const m = marks.get(e.cadreId);
        return (
          <Checkbox
            checked={m?.attended === true}
            indeterminate={m === undefined}
            onChange={(ev) => setMark(e.cadreId, { attended: ev.target.checked })}
            data-testid={`attendance-present-${e.cadreId}`}
            aria-label={t('training.programmes.attendance.presentOf', { name: e.cadreName })}
          />
        );
      },
    },
    {
      title: t('training.programmes.attendance.leaveReason'),
      key: 'leave',
      width: 260,
      render: (_: unknown, e) => {
        const m = marks.get(e.cadreId);
        return m?.attended === false ? (
          <Input
            size="small"
            value={m.leaveReason}
            maxLength={200}
            placeholder={t('training.programmes.attendance.leavePlaceholder')}
            onChange={(ev) => setMark(e.cadreId, { leaveReason: ev.target.value })}
            data-testid={`attendance-reason-${e.cadreId}`}
          />
        ) : null;
      },
    },
    {
      title: t('training.programmes.attendance.recorded'),
      key: 'recorded',
      width: 120,
      render: (_: unknown, e) => {
        const c = credit.get(e.cadreId);
        return c === undefined ? null : (
          <Tag color="green">{t('training.programmes.daysCredit', { days: fmtDays(c) })}</Tag>
        );
      },
    },
  ];

  const current = p.sessions.find((s) => s.id === session);
  // attendance is recorded on the day it counts (the session's, or the programme's last day), not ahead
  const countsOn = current?.on ?? p.endOn;
  const ahead = countsOn > chinaDay().format(DAY);
  return (
    <>
      {enrolments.isError ? (
        <QueryError error={enrolments.error} onRetry={() => void enrolments.refetch()} />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Segmented<string>
            value={session}
            onChange={setSession}
            options={
              p.sessions.length > 0
                ? p.sessions.map((s) => ({ value: s.id, label: `${s.on} ${s.title}` }))
                : [{ value: WHOLE, label: t('training.programmes.attendance.whole') }]
            }
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            data-testid="attendance-session"
          />
          <Typography.Text type="secondary" data-testid="attendance-credit-hint">
            {current
              ? t('training.programmes.attendance.sessionCredit', { explanation: current.creditExplanation })
              : t('training.programmes.attendance.wholeCredit', { explanation: p.creditExplanation })}
          </Typography.Text>
        </Flex>
      </Card>
      {ahead ? (
        <Alert
          type="info"
          showIcon
          title={t('training.programmes.attendance.ahead', { day: countsOn })}
          style={{ marginBottom: 16 }}
          data-testid="attendance-ahead"
        />
      ) : null}
      <Card
        size="small"
        title={
          <span data-testid="attendance-counts">
            {t('training.programmes.attendance.counts', { total: people.length, unmarked, absent })}
          </span>
        }
        extra={
          <Flex gap={8}>
            <Button
              icon={<CheckOutlined />}
              onClick={allPresent}
              disabled={people.length === 0}
              data-testid="attendance-all"
            >
              {t('training.programmes.attendance.allPresent')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              disabled={marks.size === 0 || ahead}
              onClick={onSave}
              data-testid="attendance-save"
            >
              {t('training.programmes.attendance.save')}
            </Button>
          </Flex>
        }
      >
        {people.length === 0 && !enrolments.isPending ? (
          <Alert type="info" showIcon title={t('training.programmes.attendance.nobody')} />
        ) : (
          <Table<Enrolment>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={people}
            loading={enrolments.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="attendance-table"
          />
        )}
      </Card>
    </>
  );
}
