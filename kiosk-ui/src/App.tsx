import { useEffect, useState } from 'react';
import { recordUsage } from './agent/agent-api';
import { isKioskOnline, useAgentHealth, type AgentHealthState } from './agent/useAgentHealth';
import { AttractScreen } from './components/AttractScreen';
import { IdleOverlay } from './components/IdleOverlay';
import { OfflineBanner } from './components/OfflineBanner';
import type { Connection } from './components/OnlineState';
import { SpeechBar } from './components/SpeechBar';
import { StaffCorner } from './components/StaffCorner';
import { StaffPanel } from './components/StaffPanel';
import { TopBar } from './components/TopBar';
import { SCREENS } from './screens/screen-registry';
import { readKioskTiming } from './session/kiosk-timing';
import { SessionContext } from './session/session';
import { useIdle } from './session/useIdle';
import { useVisit } from './session/useVisit';
import { resetSpeech, stopSpeaking } from './speech/speak';
import './App.css';

function toConnection(healthState: AgentHealthState): Connection {
  if (healthState.isLoading) return 'checking';
  return isKioskOnline(healthState) ? 'online' : 'offline';
}

const timing = readKioskTiming(window.location.search);

/** The kiosk shell: top bar, offline notice, the current screen, the speech bar, idle and staff overlays. */
export function App() {
  const { visit, nav, session, speech } = useVisit();
  const healthState = useAgentHealth();
  const connection = toConnection(healthState);
  const Screen = SCREENS[nav.current];
  const [isStaffOpen, setStaffOpen] = useState(false);

  // Whatever was being read belongs to the screen being left.
  useEffect(() => {
    stopSpeaking();
    if (nav.current !== 'home') recordUsage(nav.current);
  }, [nav.current]);

  // A new visit (docs/design.md §8): silence, nothing left to 重复, default volume, and
  // no staff panel left open for the next villager.
  useEffect(() => {
    resetSpeech();
    setStaffOpen(false);
  }, [visit]);

  const { idle, dismiss: dismissIdle } = useIdle({
    timing,
    // Home always holds nothing personal: arriving there ended the visit.
    isAtRest: nav.current === 'home' && !isStaffOpen,
    onTimeout: nav.home,
  });
  const handleWake = () => {
    dismissIdle();
    nav.home();
  };

  return (
    <SessionContext.Provider value={session}>
      <div className="app" data-screen={nav.current}>
        <TopBar
          villageName={healthState.health?.village?.name ?? null}
          connection={connection}
          canGoBack={nav.canGoBack}
          onHome={nav.home}
          onBack={nav.back}
        />
        {connection === 'offline' && <OfflineBanner />}
        <main className="app__main" key={`${visit}-${nav.current}`}>
          <Screen nav={nav} healthState={healthState} />
        </main>
        <SpeechBar screenText={speech.onRequest} />
        <StaffCorner onOpen={() => setStaffOpen(true)} />
        {isStaffOpen && <StaffPanel health={healthState.health} onClose={() => setStaffOpen(false)} />}
        {idle.kind === 'asking' && <IdleOverlay secondsLeft={idle.secondsLeft} onContinue={dismissIdle} />}
        {idle.kind === 'attract' && <AttractScreen onWake={handleWake} />}
      </div>
    </SessionContext.Provider>
  );
}
