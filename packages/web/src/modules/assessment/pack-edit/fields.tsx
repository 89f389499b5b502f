import { InfoCircleOutlined } from '@ant-design/icons';
import type { Pack } from '@ganbu/core';
import { Flex, Input, InputNumber, Segmented, Select, Switch, Tag, Tooltip, Typography } from 'antd';
import { createContext, useContext, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceOf, sourceText } from '../labels.ts';
import { EMPTY_NOTE, getAt, notePointer, type NoteDraft } from './editor-model.ts';

/** What every field of the editor reads and writes. */
export interface EditorApi {
  base: Pack;
  draft: Pack;
  /** problems by the pointer of the field that shows them */
  problems: ReadonlyMap<string, readonly string[]>;
  changed: ReadonlySet<string>;
  notes: Readonly<Record<string, NoteDraft>>;
  update: (pointer: string, value: unknown) => void;
  setNote: (pointer: string, note: NoteDraft) => void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('pack editor fields used outside <EditorContext>');
  return api;
}

/**
 * `/assessment/schemes/0/raterGroups/1/weight` → `assessment-schemes-0-raterGroups-1-weight`; a note's
 * `note:/…` → `note-…`.
 */
export const testidOf = (pointer: string) =>
  pointer
    .replace(/^note:/, 'note')
    .replace(/\//g, '-')
    .replace(/^-/, '');

/** The problems of one field, in red under it. */
export function FieldProblems({ pointer }: { pointer: string }) {
  const { problems } = useEditor();
  const list = problems.get(pointer);
  if (!list?.length) return null;
  return (
    <Flex vertical className="pe-problem" data-testid={`pe-error-${testidOf(pointer)}`}>
      {list.map((m) => (
        <Typography.Text key={m} type="danger" style={{ fontSize: 12, lineHeight: 1.5 }}>
          {m}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** A field label; numbers show their current source in a tooltip. */
function Label({ label, pointer, number }: { label: ReactNode; pointer: string; number?: boolean }) {
  const { t } = useTranslation();
  const { draft, changed } = useEditor();
  return (
    <Flex gap={4} align="center" style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)', minHeight: 20 }}>
      <span>{label}</span>
      {number ? (
        changed.has(pointer) ? (
          <Tag color="orange" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
            {t('assessment.packEdit.changed')}
          </Tag>
        ) : (
          <Tooltip title={sourceText(t, sourceOf(draft.sources, pointer))}>
            <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
          </Tooltip>
        )
      ) : null}
    </Flex>
  );
}

function Field({
  label,
  pointer,
  number,
  width,
  children,
}: {
  label: ReactNode;
  pointer: string;
  number?: boolean;
  width?: number | string;
  children: ReactNode;
}) {
  return (
    <Flex vertical gap={2} style={{ width, minWidth: 0 }}>
      <Label label={label} pointer={pointer} number={number} />
      {children}
      <FieldProblems pointer={pointer} />
    </Flex>
  );
}

/** A number of the pack (its source is asked for below the item once it changes). */
export function NumField({
  pointer,
  label,
  suffix,
  width = 130,
  precision,
  invalid,
}: {
  pointer: string;
  label: ReactNode;
  suffix?: string;
  width?: number;
  precision?: number;
  /** marked too when a rule over several numbers fails (weights or points not summing to 100) */
  invalid?: boolean;
}) {
  const { draft, update, problems } = useEditor();
  const value = getAt(draft, pointer);
  return (
    <Field label={label} pointer={pointer} number width={width}>
      <InputNumber
        value={typeof value === 'number' ? value : null}
        onChange={(v) => update(pointer, v ?? null)}
        precision={precision}
        suffix={suffix}
        status={invalid || problems.get(pointer)?.length ? 'error' : undefined}
        style={{ width: '100%' }}
        data-testid={`pe-field-${testidOf(pointer)}`}
      />
    </Field>
  );
}

export function TextField({
  pointer,
  label,
  width = 240,
  multiline,
  placeholder,
}: {
  pointer: string;
  label: ReactNode;
  width?: number | string;
  multiline?: boolean;
  placeholder?: string;
}) {
  const { draft, update, problems } = useEditor();
  const value = getAt(draft, pointer);
  const props = {
    value: typeof value === 'string' ? value : '',
    status: problems.get(pointer)?.length ? ('error' as const) : undefined,
    placeholder,
    'data-testid': `pe-field-${testidOf(pointer)}`,
  };
  return (
    <Field label={label} pointer={pointer} width={width}>
      {multiline ? (
        <Input.TextArea
          {...props}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(e) => update(pointer, e.target.value)}
        />
      ) : (
        <Input {...props} onChange={(e) => update(pointer, e.target.value)} />
      )}
    </Field>
  );
}

export function SelectField<V extends string>({
  pointer,
  label,
  options,
  width = 200,
  value,
  onChange,
}: {
  pointer: string;
  label: ReactNode;
  options: { value: V; label: string }[];
  width?: number | string;
  /** a value derived from the draft (when the field is not a plain pointer) */
  value?: V | null;
  onChange?: (v: V) => void;
}) {
  const { draft, update, problems } = useEditor();
  const current = value !== undefined ? value : (getAt(draft, pointer) as V | null);
  return (
    <Field label={label} pointer={pointer} width={width}>
      <Select<V>
        value={current ?? undefined}
        onChange={(v) => (onChange ? onChange(v) : update(pointer, v))}
        options={options}
        status={problems.get(pointer)?.length ? 'error' : undefined}
        style={{ width: '100%' }}
        popupMatchSelectWidth={false}
        data-testid={`pe-field-${testidOf(pointer)}`}
      />
    </Field>
  );
}

export function SwitchField({ pointer, label }: { pointer: string; label: ReactNode }) {
  const { draft, update } = useEditor();
  return (
    <Flex gap={8} align="center">
      <Switch
        size="small"
        checked={getAt(draft, pointer) === true}
        onChange={(v) => update(pointer, v)}
        data-testid={`pe-field-${testidOf(pointer)}`}
      />
      <span>{label}</span>
    </Flex>
  );
}

/** The 依据 of one changed number: a seed file and its figure, or an assumption. */
function NoteEditor({ pointer, label }: { pointer: string; label: string }) {
  const { t } = useTranslation();
  const { notes, setNote, problems, base } = useEditor();
  const note = notes[pointer] ?? EMPTY_NOTE;
  const id = testidOf(pointer);
  const bad = !!problems.get(notePointer(pointer))?.length;
  const before = getAt(base, pointer);
  return (
    <Flex vertical gap={4} className="pe-note" data-testid={`pe-note-${id}`}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong style={{ fontSize: 12 }}>
          {t('assessment.packEdit.noteFor', { field: label })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {typeof before === 'number'
            ? t('assessment.packEdit.noteWas', {
                before,
                source: sourceText(t, sourceOf(base.sources, pointer)),
              })
            : t('assessment.packEdit.noteNew')}
        </Typography.Text>
      </Flex>
      <Flex gap={8} align="start" wrap>
        <Segmented<NoteDraft['kind']>
          size="small"
          value={note.kind}
          onChange={(kind) => setNote(pointer, { ...note, kind })}
          options={[
            { value: 'seed', label: t('assessment.packEdit.noteSeed') },
            { value: 'assumed', label: t('assessment.packEdit.noteAssumed') },
          ]}
          data-testid={`pe-note-kind-${id}`}
        />
        {note.kind === 'seed' ? (
          <>
            <Input
              size="small"
              value={note.seed}
              onChange={(e) => setNote(pointer, { ...note, seed: e.target.value })}
              placeholder={t('assessment.packEdit.seedPlaceholder')}
              status={bad && !/^\d{3}$/.test(note.seed.trim()) ? 'error' : undefined}
              style={{ width: 130 }}
              data-testid={`pe-note-seed-${id}`}
            />
            <Input
              size="small"
              value={note.figure}
              onChange={(e) => setNote(pointer, { ...note, figure: e.target.value })}
              placeholder={t('assessment.packEdit.figurePlaceholder')}
              status={bad && !note.figure.trim() ? 'error' : undefined}
              style={{ flex: 1, minWidth: 240 }}
              data-testid={`pe-note-figure-${id}`}
            />
          </>
        ) : (
          <Input
            size="small"
            value={note.assumed}
            onChange={(e) => setNote(pointer, { ...note, assumed: e.target.value })}
            placeholder={t('assessment.packEdit.assumedPlaceholder')}
            status={bad ? 'error' : undefined}
            style={{ flex: 1, minWidth: 360 }}
            data-testid={`pe-note-assumed-${id}`}
          />
        )}
      </Flex>
      <FieldProblems pointer={notePointer(pointer)} />
    </Flex>
  );
}

/** The source notes of the changed numbers among `fields` (nothing when none changed). */
export function SourceNotes({ fields }: { fields: { pointer: string; label: string }[] }) {
  const { changed } = useEditor();
  const shown = fields.filter((f) => changed.has(f.pointer));
  if (!shown.length) return null;
  const style: CSSProperties = {
    background: '#fffbe6',
    border: '1px solid #ffe58f',
    borderRadius: 6,
    padding: '8px 12px',
  };
  return (
    <Flex vertical gap={8} style={style}>
      {shown.map((f) => (
        <NoteEditor key={f.pointer} pointer={f.pointer} label={f.label} />
      ))}
    </Flex>
  );
}
