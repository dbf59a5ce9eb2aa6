import { BackIcon, HomeIcon } from './Icons';
import { OnlineState, type Connection } from './OnlineState';
import './TopBar.css';

export interface TopBarProps {
  /** This kiosk's village from the agent's health: the same place its content calls 本村. */
  villageName: string | null;
  connection: Connection;
  canGoBack: boolean;
  onHome: () => void;
  onBack: () => void;
}

/**
 * Always on screen (docs/design.md §8: Home and Back always visible). 首页 and 返回 never move:
 * on home, 返回 keeps its place but is hidden, because it would do nothing.
 */
export function TopBar({ villageName, connection, canGoBack, onHome, onBack }: TopBarProps) {
  return (
    <header className="top-bar">
      <nav className="top-bar__nav" aria-label="导航">
        <button type="button" className="nav-button" onClick={onHome} data-testid="nav-home">
          <HomeIcon className="nav-button__icon" />
          <span>首页</span>
        </button>
        <button
          type="button"
          className={canGoBack ? 'nav-button' : 'nav-button nav-button--unused'}
          onClick={onBack}
          disabled={!canGoBack}
          aria-hidden={!canGoBack}
          data-testid="nav-back"
        >
          <BackIcon className="nav-button__icon" />
          <span>返回</span>
        </button>
      </nav>
      <div className="top-bar__brand">
        <span className="brand-title">阳光监督一体机</span>
        {villageName !== null && villageName !== '' && (
          <span className="brand-kiosk" data-testid="kiosk-place">
            {villageName}
          </span>
        )}
      </div>
      <OnlineState connection={connection} />
    </header>
  );
}
