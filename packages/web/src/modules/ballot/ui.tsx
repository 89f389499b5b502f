// The few controls the public ballot needs, as plain elements styled like the antd ones the officers'
// app uses (ui.css): the ballot page then ships no component library (see scripts/check-bundle.mjs).
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  LoadingOutlined,
} from '@ant-design/icons';
import type { ButtonHTMLAttributes, CSSProperties, InputHTMLAttributes, ReactNode } from 'react';
import './ui.css';

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** antd puts a space between exactly two Chinese characters on a bordered button without icon (清 空). */
function spaced(children: ReactNode): ReactNode {
  return typeof children === 'string' && /^[\u4e00-\u9fa5]{2}$/.test(children)
    ? children.split('').join(' ')
    : children;
}

export function Button({
  variant = 'default',
  size = 'middle',
  block = false,
  loading = false,
  icon,
  className,
  children,
  type = 'button',
  disabled,
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  variant?: 'primary' | 'default' | 'link';
  size?: 'middle' | 'large';
  block?: boolean;
  loading?: boolean;
  icon?: ReactNode;
  type?: 'button' | 'submit';
}) {
  return (
    <button
      type={type}
      className={cx(
        'b-btn',
        `b-btn-${variant}`,
        size === 'large' && 'b-btn-lg',
        block && 'b-btn-block',
        loading && 'b-btn-loading',
        className,
      )}
      disabled={disabled}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? (
        <LoadingOutlined className="b-btn-icon" />
      ) : icon ? (
        <span className="b-btn-icon">{icon}</span>
      ) : null}
      {children === undefined || children === null ? null : (
        <span>{variant === 'link' || icon ? children : spaced(children)}</span>
      )}
    </button>
  );
}

export function Card({
  title,
  className,
  bodyStyle,
  children,
  ...rest
}: {
  title?: ReactNode;
  className?: string;
  bodyStyle?: CSSProperties;
  children: ReactNode;
  'data-testid'?: string;
  'data-target-id'?: string;
}) {
  return (
    <div className={cx('b-card', className)} {...rest}>
      {title ? <div className="b-card-head">{title}</div> : null}
      <div className="b-card-body" style={bodyStyle}>
        {children}
      </div>
    </div>
  );
}

const STATUS_ICON = {
  success: <CheckCircleFilled />,
  error: <CloseCircleFilled />,
  warning: <ExclamationCircleFilled />,
  info: <InfoCircleFilled />,
};

export function Alert({
  type,
  message,
  description,
  style,
  ...rest
}: {
  type: 'error' | 'warning';
  message: ReactNode;
  description?: ReactNode;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  return (
    <div
      role="alert"
      className={cx('b-alert', `b-alert-${type}`, description ? 'b-alert-with-description' : undefined)}
      style={style}
      {...rest}
    >
      <span className="b-alert-icon">{STATUS_ICON[type]}</span>
      <div className="b-alert-content">
        <div className="b-alert-message">{message}</div>
        {description ? <div className="b-alert-description">{description}</div> : null}
      </div>
    </div>
  );
}

export function Result({
  status,
  title,
  subTitle,
  extra,
}: {
  status: keyof typeof STATUS_ICON;
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className={cx('b-result', `b-result-${status}`)}>
      <div className="b-result-icon">{STATUS_ICON[status]}</div>
      <div className="b-result-title">{title}</div>
      {subTitle ? <div className="b-result-subtitle">{subTitle}</div> : null}
      {extra ? <div className="b-result-extra">{extra}</div> : null}
    </div>
  );
}

export function Tag({ className, children }: { className?: string; children: ReactNode }) {
  return <span className={cx('b-tag', className)}>{children}</span>;
}

export function Spin() {
  return <LoadingOutlined className="b-spin" />;
}

/** A text box; with `suffix`, the box is a wrapper (which gets `className`) around the input. */
export function TextInput({
  status,
  suffix,
  className,
  size = 'large',
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> & {
  status?: 'error';
  suffix?: ReactNode;
  size?: 'large';
  'data-testid'?: string;
}) {
  const state = cx(size === 'large' && 'b-input-lg', status === 'error' && 'b-input-error');
  if (!suffix) return <input className={cx('b-input', state, className)} {...rest} />;
  return (
    <span className={cx('b-input', 'b-input-affix', state, className)}>
      <input {...rest} />
      <span className="b-input-suffix">{suffix}</span>
    </span>
  );
}
