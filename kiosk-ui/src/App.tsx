import { useEffect } from 'react';
import { isKioskOnline, useAgentHealth, type AgentHealthState } from './agent/useAgentHealth';
import { OfflineBanner } from './components/OfflineBanner';
import type { Connection } from './components/OnlineState';
import { TopBar } from './components/TopBar';
import { useNavigation } from './navigation/useNavigation';
import { SCREENS } from './screens/screen-registry';
import { stopSpeaking } from './speech/speak';

function toConnection(healthState: AgentHealthState): Connection {
  if (healthState.isLoading) return 'checking';
  return isKioskOnline(healthState) ? 'online' : 'offline';
}

/** The kiosk shell: the fixed top bar, the offline notice, and the current screen. */
export function App() {
  const nav = useNavigation();
  const healthState = useAgentHealth();
  const connection = toConnection(healthState);
  const Screen = SCREENS[nav.current];

  // Whatever was being read belongs to the screen being left.
  useEffect(() => stopSpeaking, [nav.current]);

  return (
    <div className="app">
      <TopBar
        kioskName={healthState.health?.kioskName ?? null}
        connection={connection}
        canGoBack={nav.canGoBack}
        onHome={nav.home}
        onBack={nav.back}
      />
      {connection === 'offline' && <OfflineBanner />}
      <main className="app__main" key={nav.current}>
        <Screen nav={nav} healthState={healthState} />
      </main>
    </div>
  );
}
