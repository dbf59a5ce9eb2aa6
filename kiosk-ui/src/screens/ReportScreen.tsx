import { DEFAULT_COMPLAINT_CATEGORIES, formatTicketNumber, Phone, type ComplaintCategory, type OpenTicketSummary } from '@sunshine/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../agent/agent-request';
import { createComplaint, listComplaintCategories, listOpenTickets } from '../agent/agent-api';
import { ReportIcon } from '../components/Icons';
import { PrivateSpeechNote } from '../components/PrivateSpeechNote';
import { Notice, ScreenLayout } from '../components/ScreenLayout';
import { useSession } from '../session/session';
import { useBackHandler, useScreenSpeech } from '../session/useScreenSpeech';
import { speak } from '../speech/speak';
import { complaintConfirmSpeech, CONFIRM_PRIVATE } from '../speech/personal-speech';
import { openTicketsText } from '../speech/screen-texts';
import { ReportDone } from './report/ReportDone';
import { MessageStep } from './report/MessageStep';
import { CategoryStep, ContactStep, RelatedStep } from './report/ReportSteps';
import { useRecorder } from './report/useRecorder';
import './report/report.css';

type Step = 'checking' | 'related' | 'category' | 'message' | 'contact' | 'confirm' | 'done';
const PREVIOUS: Partial<Record<Step, Step>> = { message: 'category', contact: 'message', confirm: 'contact' };
const NEED_MESSAGE = '请说一段话，或者点常用的话，说明您要反映的问题';

const STEP_SPEECH: Partial<Record<Step, string>> = {
  category: '您要反映哪一类问题？请点下面的一项。',
  message: '请按红色按钮说话，说完按停止。也可以点常用的话，点错了再点一下就取消。',
  contact: '可以不留电话，匿名反映。想让我们回电话，请输入手机号码。',
};

/** 我要反映: (already reported?) → category → voice and/or words → phone (optional) → confirm → ticket number. */
export function ReportScreen() {
  const session = useSession();
  const subject = session.data.complaintSubject;
  const [step, setStep] = useState<Step>(subject === null ? 'category' : 'checking');
  const [categories, setCategories] = useState<ComplaintCategory[]>(DEFAULT_COMPLAINT_CATEGORIES);
  const [openTickets, setOpenTickets] = useState<OpenTicketSummary[]>([]);
  const [relatedTicketNumber, setRelated] = useState<string | undefined>(undefined);
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [phrases, setPhrases] = useState<readonly string[]>([]);
  const [typed, setTyped] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ ticketNumber: string; pin: string } | null>(null);
  const recorder = useRecorder();
  const recording = recorder.state.kind === 'recorded' ? recorder.state : null;

  useEffect(() => {
    const controller = new AbortController();
    listComplaintCategories(controller.signal).then(setCategories).catch(() => undefined);
    if (subject !== null) {
      listOpenTickets(subject, controller.signal)
        .then((tickets) => {
          setOpenTickets(tickets);
          setStep(tickets.length > 0 ? 'related' : 'category');
        })
        .catch(() => !controller.signal.aborted && setStep('category'));
    }
    return () => controller.abort();
  }, [subject]);

  const draft = useMemo(
    () => ({
      categoryName: category?.name ?? '',
      text: [...phrases, typed.trim()].filter((part) => part !== '').join('，'),
      hasRecording: recording !== null,
      recordingSeconds: recording?.seconds ?? 0,
      phone,
      subjectTitle: subject?.title ?? null,
    }),
    [category, phrases, typed, recording, phone, subject],
  );
  const speech =
    step === 'confirm' ? complaintConfirmSpeech(draft) : step === 'related' ? openTicketsText(openTickets) : (STEP_SPEECH[step] ?? null);
  useScreenSpeech(speech);
  useBackHandler(
    useCallback(() => {
      const previous = PREVIOUS[step];
      if (previous === undefined) return false;
      setStep(previous);
      setError(null);
      return true;
    }, [step]),
  );

  const fail = (message: string) => {
    setError(message);
    speak(message);
  };
  // Any answer to "please say something" takes the stale error away.
  const handleTogglePhrase = (phrase: string) => {
    setPhrases((picked) => (picked.includes(phrase) ? picked.filter((p) => p !== phrase) : [...picked, phrase]));
    setError(null);
  };
  const handleTyped = (next: string) => {
    setTyped(next);
    setError(null);
  };
  const handleStartRecording = () => {
    setError(null);
    void recorder.start();
  };
  const handleMessageNext = () => {
    if (recording === null && draft.text === '') return fail(NEED_MESSAGE);
    setError(null);
    setStep('contact');
  };
  const handleContactNext = () => {
    if (phone !== '' && !Phone.safeParse(phone).success) return fail('手机号码应为11位数字，以1开头');
    setError(null);
    setStep('confirm');
  };
  const handleSubmit = async () => {
    if (category === null) return;
    setBusy(true);
    try {
      const result = await createComplaint({
        category: category.code,
        ...(draft.text === '' ? {} : { text: draft.text }),
        ...(recording === null ? {} : { audio: recording.audio }),
        ...(phone === '' ? {} : { contact: { phone } }),
        ...(subject === null ? {} : { subject }),
        ...(relatedTicketNumber === undefined ? {} : { relatedTicketNumber }),
      });
      setCreated(result);
      session.update({ complaintSubject: null });
      setStep('done');
    } catch (caught: unknown) {
      fail(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (step === 'done' && created !== null) return <ReportDone ticketNumber={created.ticketNumber} pin={created.pin} />;

  return (
    <ScreenLayout title="我要反映" Icon={ReportIcon} hint={subject === null ? undefined : `关于：${subject.title}`}>
      {step === 'checking' && <Notice kind="info">请稍等…</Notice>}
      {step === 'related' && (
        <RelatedStep
          tickets={openTickets}
          onAddTo={(ticketNumber) => {
            setRelated(ticketNumber);
            setStep('category');
          }}
          onNew={() => setStep('category')}
        />
      )}
      {step === 'category' && (
        <CategoryStep
          categories={categories}
          onPick={(picked) => {
            setCategory(picked);
            setStep('message');
          }}
        />
      )}
      {step === 'message' && (
        <MessageStep
          recorder={recorder}
          phrases={phrases}
          onTogglePhrase={handleTogglePhrase}
          typed={typed}
          onTyped={handleTyped}
          onStartRecording={handleStartRecording}
          onNext={handleMessageNext}
          error={error}
        />
      )}
      {step === 'contact' && <ContactStep phone={phone} onPhone={setPhone} onNext={handleContactNext} error={error} />}
      {step === 'confirm' && (
        <div className="confirm" data-testid="complaint-confirm">
          <dl className="confirm__list">
            <dt>类别</dt>
            <dd>{draft.categoryName}</dd>
            {draft.subjectTitle !== null && (<><dt>事项</dt><dd>{draft.subjectTitle}</dd></>)}
            {relatedTicketNumber !== undefined && (<><dt>补充到</dt><dd>{formatTicketNumber(relatedTicketNumber)}</dd></>)}
            <dt>内容</dt>
            <dd>{[draft.hasRecording ? `录音 ${draft.recordingSeconds} 秒` : '', draft.text].filter(Boolean).join('；')}</dd>
            <dt>联系</dt>
            <dd>{phone === '' ? '匿名' : phone}</dd>
          </dl>
          {error !== null && <Notice kind="error" testId="submit-error">{error}</Notice>}
          <div className="button-row">
            <button type="button" className="action-button" onClick={() => setStep('message')} data-testid="confirm-edit">返回修改</button>
            <button type="button" className="action-button action-button--primary" onClick={() => void handleSubmit()} disabled={isBusy} data-testid="confirm-submit">
              {isBusy ? '正在提交…' : '确认提交'}
            </button>
            <PrivateSpeechNote what={CONFIRM_PRIVATE} />
          </div>
        </div>
      )}
    </ScreenLayout>
  );
}
