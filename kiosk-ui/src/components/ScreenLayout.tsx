import type { ComponentType } from 'react';
import type { IconProps } from './Icons';
import { ReadAloudButton } from './ReadAloudButton';

export interface ScreenLayoutProps {
  title: string;
  /** What the screen offers, in one plain sentence; also what 朗读 reads. */
  summary: string;
  Icon: ComponentType<IconProps>;
}

/** The frame of a screen below the top bar: its title, its sentence, its 朗读 button. */
export function ScreenLayout({ title, summary, Icon }: ScreenLayoutProps) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <div className="screen__header">
        <Icon className="screen__icon" />
        <h1 id="screen-title" className="screen__title">
          {title}
        </h1>
        <ReadAloudButton text={`${title}。${summary}`} />
      </div>
      <p className="screen__summary">{summary}</p>
    </section>
  );
}
