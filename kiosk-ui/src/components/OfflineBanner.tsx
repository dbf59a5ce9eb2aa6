import './OfflineBanner.css';

/**
 * Shown while central is unreachable. Villagers must not think the kiosk is broken:
 * lookups run from the local cache and complaints wait in the outbox (docs/design.md §1).
 */
export function OfflineBanner() {
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      网络暂时断开，查询不受影响，反映的问题会自动上报
    </div>
  );
}
