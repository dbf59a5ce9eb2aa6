import type { AgentHealth } from '@sunshine/contracts';
import { useState } from 'react';
import { AgentRequestError, errorMessage } from '../agent/agent-request';
import { printTestPage, syncNow, unlockStaffPanel } from '../agent/agent-api';
import { PIN_KEYPAD } from '../keypad/keypad-logic';
import { isAutoReadOn, setAutoRead } from '../speech/speak';
import { Keypad } from './Keypad';
import { Notice } from './ScreenLayout';
import { usePrintJob } from './usePrintJob';
import { printJobText } from '../speech/screen-texts';
import './StaffPanel.css';

const PIN_LENGTH = 4;

const PRINTER_WORDS: Record<AgentHealth['printer']['state'], string> = {
  ready: '正常',
  paper_low: '纸快用完了',
  paper_out: '没有纸了',
  cover_open: '盖子没有关好',
  offline: '没有连接',
  unknown: '状态未知',
};

export function StaffPanel({ health, onClose }: { health: AgentHealth | null; onClose: () => void }) {
  const [pin, setPin] = useState('');
  const [pinMessage, setPinMessage] = useState<string | null>(null);
  const [isUnlocked, setUnlocked] = useState(false);
  const [autoRead, setAutoReadState] = useState(isAutoReadOn);
  const [syncMessage, setSyncMessage] = useState<string | null>(null);
  const testPrint = usePrintJob(printTestPage);

  const handlePin = (next: string) => {
    setPin(next);
    if (next.length < PIN_LENGTH) return;
    unlockStaffPanel(next).then(
      () => setUnlocked(true),
      (error: unknown) => {
        setPin('');
        setPinMessage(errorMessage(error));
      },
    );
  };
  const handleSync = async () => {
    setSyncMessage('正在同步…');
    try {
      await syncNow();
      setSyncMessage('已请求同步');
    } catch (error: unknown) {
      // An agent from before 立即同步 has no such route.
      const missing = error instanceof AgentRequestError && error.code === 'no_such_endpoint';
      setSyncMessage(missing ? '这个版本的一体机程序还不支持立即同步，会按计划自动同步' : errorMessage(error));
    }
  };
  const handleAutoRead = () => {
    setAutoRead(!autoRead);
    setAutoReadState(!autoRead);
  };

  return (
    <div className="overlay" role="dialog" aria-label="工作人员" data-testid="staff-panel">
      <div className="overlay__box overlay__box--wide">
        <h2 className="overlay__title">工作人员</h2>
        {!isUnlocked ? (
          <>
            <p data-testid="staff-pin-display">请输入工作人员密码：{'●'.repeat(pin.length)}</p>
            {pinMessage && <Notice kind="error" testId="staff-pin-message">{pinMessage}</Notice>}
            <Keypad value={pin} rules={PIN_KEYPAD} onChange={handlePin} />
          </>
        ) : (
          <>
            <dl className="staff-status" data-testid="staff-status">
              <dt>终端编号</dt>
              <dd>{health?.kioskNumber ?? '未登记'}</dd>
              <dt>数据版本</dt>
              <dd>{health?.dataVersion ?? '—'}</dd>
              <dt>网络</dt>
              <dd>{health === null ? '—' : health.online ? '正常' : '断开'}</dd>
              <dt>打印机</dt>
              <dd>{health === null ? '—' : PRINTER_WORDS[health.printer.state]}</dd>
              <dt>待上报</dt>
              <dd>{health?.outboxPending ?? '—'} 件</dd>
            </dl>
            <div className="button-row">
              <button type="button" className="action-button" onClick={() => void testPrint.print()} data-testid="staff-test-print">
                打印测试页
              </button>
              <button type="button" className="action-button" onClick={() => void handleSync()} data-testid="staff-sync">
                立即同步
              </button>
              <button type="button" className="action-button" onClick={handleAutoRead} data-testid="staff-auto-read" aria-pressed={autoRead}>
                自动朗读：{autoRead ? '开' : '关'}
              </button>
            </div>
            {testPrint.view.kind !== 'idle' && (
              <Notice kind="info" testId="staff-print-state">
                {testPrint.view.kind === 'job' ? printJobText(testPrint.view.job) : testPrint.view.message}
              </Notice>
            )}
            {syncMessage !== null && <Notice kind="info" testId="staff-sync-message">{syncMessage}</Notice>}
          </>
        )}
        <button type="button" className="action-button action-button--primary" onClick={onClose} data-testid="staff-close">
          关闭
        </button>
      </div>
    </div>
  );
}
