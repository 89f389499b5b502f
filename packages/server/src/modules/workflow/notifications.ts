/**
 * The outbound side of the inbox: where a new pending step or a posted notice is announced beyond the web
 * app (e-mail, SMS, a government messaging platform). None is connected; the default sink does nothing.
 * A deployment that connects one calls `setNotificationSink` once at start-up.
 */
export interface OutboundNotice {
  /** `case` (a step now waiting) or `notice` (a reminder posted by a module) */
  source: 'case' | 'notice';
  kind: string;
  title: string;
  link: string;
  dueOn: string | null;
  /** named recipients (user ids); role recipients are `roles` within the unit `orgPath` */
  userIds: readonly string[];
  roles: readonly string[];
  orgPath: string;
}

export interface NotificationSink {
  /**
   * called inside the request's transaction, before it commits: a sink that delivers outside the system
   * should queue the notice and deliver it once the transaction has committed
   */
  send(notice: OutboundNotice): Promise<void>;
}

/** The default: nothing leaves the system. */
export const noopSink: NotificationSink = { send: async () => {} };

let sink: NotificationSink = noopSink;

export function setNotificationSink(next: NotificationSink): void {
  sink = next;
}

export function notificationSink(): NotificationSink {
  return sink;
}
