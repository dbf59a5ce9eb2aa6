import type { ComponentType, ReactNode } from 'react';
import { NumberText } from '../format/NumberText';
import type { IconProps } from './Icons';
import './ScreenLayout.css';

export interface ScreenLayoutProps {
  title: string;
  Icon: ComponentType<IconProps>;
  /** A short line under the title: what to do here. */
  hint?: string;
  children?: ReactNode;
}

/** The frame of a screen below the top bar: its title and icon, then its content. */
export function ScreenLayout({ title, Icon, hint, children }: ScreenLayoutProps) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <div className="screen__header">
        <Icon className="screen__icon" />
        <h1 id="screen-title" className="screen__title" data-testid="screen-title">
          <NumberText text={title} />
        </h1>
        {hint !== undefined && (
          <p className="screen__hint">
            <NumberText text={hint} />
          </p>
        )}
      </div>
      <div className="screen__body">{children}</div>
    </section>
  );
}

/** A plain message box for errors, empty lists and notes; the symbol is a second cue. */
export function Notice({ kind, children, testId }: { kind: 'error' | 'info' | 'ok'; children: ReactNode; testId?: string }) {
  const symbol = kind === 'error' ? '！' : kind === 'ok' ? '✓' : 'ⓘ';
  return (
    <p className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="notice__symbol" aria-hidden="true">
        {symbol}
      </span>
      <span>{children}</span>
    </p>
  );
}
