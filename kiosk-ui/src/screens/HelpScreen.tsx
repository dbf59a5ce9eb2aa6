import { HelpIcon } from '../components/Icons';
import { ScreenLayout } from '../components/ScreenLayout';
import { useScreenSpeech } from '../session/useScreenSpeech';
import { speak } from '../speech/speak';
import { HELP_STEPS, helpWalkThroughText } from './help-steps';
import './HelpScreen.css';

/** 帮助: a spoken walk-through of the home screen, one tile at a time. */
export function HelpScreen() {
  useScreenSpeech(helpWalkThroughText());
  return (
    <ScreenLayout title="帮助" Icon={HelpIcon} hint="点一项，听它怎么用">
      <ol className="help-steps">
        {HELP_STEPS.map((step) => (
          <li key={step.title}>
            <button type="button" className="help-step" onClick={() => speak(`${step.title}。${step.text}`)} data-testid="help-step">
              <span className="help-step__title">{step.title}</span>
              <span className="help-step__text">{step.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </ScreenLayout>
  );
}
