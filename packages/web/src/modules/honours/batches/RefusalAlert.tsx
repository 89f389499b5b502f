import { Alert } from 'antd';
import { errorMessage } from '../../../lib/errors.ts';
import { isApiError } from '../../../lib/http.ts';

/** The reasons an error carries in `details` (the eligibility engine's sentences), whatever their wrapping. */
export function refusalReasons(err: unknown): string[] {
  if (!isApiError(err)) return [];
  const raw: unknown = err.details;
  const list: unknown[] = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object' && Array.isArray((raw as { reasons?: unknown }).reasons)
      ? ((raw as { reasons: unknown[] }).reasons ?? [])
      : [];
  return list.flatMap((r) => {
    if (typeof r === 'string') return [r];
    if (r && typeof r === 'object') {
      const o = r as Record<string, unknown>;
      const text = o.text ?? o.message ?? o.reason ?? o.explanation;
      if (typeof text === 'string') return [text];
    }
    return [];
  });
}

/** A refused action shown in place: the Chinese message of its code and the engine's reasons below it. */
export function RefusalAlert({ error, title, testId }: { error: unknown; title: string; testId: string }) {
  const reasons = refusalReasons(error);
  const summary = errorMessage(error);
  // the server's own sentence names the figures (名额 3 名，已推荐 3 名：…); shown unless the reasons list says it
  const detail =
    isApiError(error) && reasons.length === 0 && error.message && error.message !== summary
      ? error.message
      : null;
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={
        <>
          <div data-testid={`${testId}-message`}>{summary}</div>
          {detail ? <div data-testid={`${testId}-detail`}>{detail}</div> : null}
          {reasons.length > 0 ? (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid={`${testId}-reasons`}>
              {reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
        </>
      }
      style={{ marginBottom: 12 }}
      data-testid={testId}
    />
  );
}
