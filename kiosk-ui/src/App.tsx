import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ComplaintSubject } from '@sunshine/contracts';
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
import { useNavigation } from './navigation/useNavigation';
import { SCREENS } from './screens/screen-registry';
import { readKioskTiming } from './session/kiosk-timing';
import { EMPTY_SESSION, SessionContext, type SessionApi, type SessionData } from './session/session';
import { useIdle } from './session/useIdle';
import { resetSpeech, stopSpeaking } from './speech/speak';

function toConnection(healthState: AgentHealthState): Connection {
  if (healthState.isLoading) return 'checking';
  return isKioskOnline(healthState) ? 'online' : 'offline';
}

const timing = readKioskTiming(window.location.search);

/** The kiosk shell: top bar, offline notice, the current screen, the speech bar, idle and staff overlays. */
export function App() {
  const nav = useNavigation();
  const healthState = useAgentHealth();
  const connection = toConnection(healthState);
  const Screen = SCREENS[nav.current];
  const [data, setData] = useState<SessionData>(EMPTY_SESSION);
  const [visit, setVisit] = useState(0);
  const [screenSpeech, setScreenSpeech] = useState('');
  const [isStaffOpen, setStaffOpen] = useState(false);
  const backHandler = useRef<(() => boolean) | null>(null);

  // Whatever was being read belongs to the screen being left.
  useEffect(() => {
    stopSpeaking();
    if (nav.current !== 'home') recordUsage(nav.current);
  }, [nav.current]);

  const session = useMemo<SessionApi>(
    () => ({
      data,
      update: (patch) => setData((previous) => ({ ...previous, ...patch })),
      startComplaint: (subject: ComplaintSubject | null) => {
        setData((previous) => ({ ...previous, complaintSubject: subject }));
        nav.push('report');
      },
      setScreenSpeech,
      setBackHandler: (handler) => {
        backHandler.current = handler;
      },
    }),
    [data, nav],
  );

  /** Idle reset: nothing personal survives, on screen or in memory (docs/design.md §8). */
  const resetVisit = useCallback(() => {
    setData(EMPTY_SESSION);
    setVisit((v) => v + 1);
    setStaffOpen(false);
    resetSpeech();
    nav.home();
  }, [nav]);

  const isAtRest = nav.current === 'home' && data.payments === null && data.complaintSubject === null;
  const { idle, dismiss: dismissIdle } = useIdle({ timing, isAtRest: isAtRest && !isStaffOpen, onTimeout: resetVisit });

  const handleBack = () => {
    if (backHandler.current?.() === true) return;
    nav.back();
  };

  return (
    <SessionContext.Provider value={session}>
      <div className="app" data-screen={nav.current}>
        <TopBar
          kioskName={healthState.health?.kioskName ?? null}
          connection={connection}
          canGoBack={nav.canGoBack}
          onHome={nav.home}
          onBack={handleBack}
        />
        {connection === 'offline' && <OfflineBanner />}
        <main className="app__main" key={`${visit}-${nav.current}`}>
          <Screen nav={nav} healthState={healthState} />
        </main>
        <SpeechBar screenText={screenSpeech} />
        <StaffCorner onOpen={() => setStaffOpen(true)} />
        {isStaffOpen && <StaffPanel health={healthState.health} onClose={() => setStaffOpen(false)} />}
        {idle.kind === 'asking' && <IdleOverlay secondsLeft={idle.secondsLeft} onContinue={dismissIdle} />}
        {idle.kind === 'attract' && <AttractScreen onWake={dismissIdle} />}
      </div>
    </SessionContext.Provider>
  );
}
