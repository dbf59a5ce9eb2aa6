import './OnlineState.css';

/** What the kiosk knows about its link to central. */
export type Connection = 'checking' | 'online' | 'offline';

const LABELS: Record<Connection, string> = {
  checking: '正在检查网络',
  online: '网络正常',
  offline: '网络暂时断开',
};

/** The link state in words, with a dot as a second cue: colour is never the only one. */
export function OnlineState({ connection }: { connection: Connection }) {
  return (
    <p
      className={`online-state online-state--${connection}`}
      data-testid="online-state"
      data-online={connection}
      role="status"
    >
      <span className="online-state__dot" aria-hidden="true">
        {connection === 'offline' ? '○' : '●'}
      </span>
      <span>{LABELS[connection]}</span>
    </p>
  );
}
