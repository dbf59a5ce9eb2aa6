import { formatFen, type PaymentsLookupResult } from '@sunshine/contracts';
import { useCallback, useMemo, useState } from 'react';
import { printPaymentStatement } from '../../agent/agent-api';
import { AskAboutButton } from '../../components/AskAboutButton';
import { PaymentsIcon } from '../../components/Icons';
import { Pager } from '../../components/Pager';
import { PrintStatus } from '../../components/PrintStatus';
import { PrivateSpeechNote } from '../../components/PrivateSpeechNote';
import { Notice, ScreenLayout } from '../../components/ScreenLayout';
import { usePrintJob } from '../../components/usePrintJob';
import { useFittedPages } from '../../components/useFittedPages';
import { useSession } from '../../session/session';
import { useBackHandler } from '../../session/useScreenSpeech';
import { PAYMENTS_PRIVATE } from '../../speech/personal-speech';
import { PolicyReader } from './PolicyReader';
import { formatIsoDate } from '../../format/format-data-date';
import { groupPayments } from './group-payments';

interface Row {
  key: string;
  programCode: string;
  programName: string;
  year: string;
  count: number;
  totalFen: number;
  payments: PaymentsLookupResult['payments'];
}

/** The person's payments: one row per programme and year, with totals; open a row for its payments. */
export function PaymentsResult({ idNumber, result }: { idNumber: string; result: PaymentsLookupResult }) {
  const rows = useMemo<Row[]>(
    () =>
      groupPayments(result.payments).flatMap((program) =>
        program.years.map((year) => ({
          key: `${program.programCode}-${year.year}`,
          programCode: program.programCode,
          programName: program.programName,
          year: year.year,
          count: year.payments.length,
          totalFen: year.totalFen,
          payments: year.payments,
        })),
      ),
    [result],
  );
  const fit = useFittedPages(rows);
  const [openRow, setOpenRow] = useState<Row | null>(null);
  const printer = usePrintJob(() => printPaymentStatement(idNumber));
  const [policyOf, setPolicyOf] = useState<Row | null>(null);
  const session = useSession();
  // 返回 steps back: policy → lines → summary → a new ID.
  useBackHandler(
    useCallback(() => {
      if (policyOf !== null) setPolicyOf(null);
      else if (openRow !== null) setOpenRow(null);
      else session.update({ payments: null });
      return true;
    }, [policyOf, openRow, session]),
  );

  if (result.person === null || result.payments.length === 0) {
    return (
      <ScreenLayout title="查补贴" Icon={PaymentsIcon}>
        <Notice kind="info" testId="payments-empty">
          {result.message ?? '没有查到这个身份证号码的补贴记录。'}
        </Notice>
      </ScreenLayout>
    );
  }
  if (policyOf !== null) return <PolicyReader programCode={policyOf.programCode} programName={policyOf.programName} />;
  if (openRow !== null) return <PaymentLines row={openRow} onPolicy={() => setPolicyOf(openRow)} />;

  return (
    <ScreenLayout title="查补贴" Icon={PaymentsIcon} hint={`${result.person.name} · ${result.person.maskedId}`}>
      <p className="total-line" data-testid="payments-total">
        共 {result.payments.length} 笔，合计 <strong className="money">{formatFen(result.totals.totalFen)}</strong>
      </p>
      <ul ref={fit.listRef} className={`row-list ${fit.listClass}`} data-paged-list="" data-testid="payments-groups">
        {fit.rendered.map((row) => (
          <li key={row.key}>
            <button type="button" className="row-button" onClick={() => setOpenRow(row)} data-testid="payments-group">
              <span className="row-button__main">
                {row.programName} · <span className="keep-whole">{row.year}年</span>
              </span>
              <span className="row-button__side">
                {row.count} 笔 · <strong className="money">{formatFen(row.totalFen)}</strong> · 看明细 ▶
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <Pager {...fit.pager} />
        <button type="button" className="action-button action-button--primary" onClick={() => void printer.print()} data-testid="print">
          打印
        </button>
        <PrivateSpeechNote what={PAYMENTS_PRIVATE} />
      </div>
      <PrintStatus view={printer.view} onRetry={() => void printer.retry()} onShowOnScreen={printer.dismiss} />
    </ScreenLayout>
  );
}

function PaymentLines({ row, onPolicy }: { row: Row; onPolicy: () => void }) {
  const fit = useFittedPages(row.payments);
  return (
    <ScreenLayout title={`${row.programName} ${row.year}年`} Icon={PaymentsIcon} hint={`共 ${row.count} 笔，合计 ${formatFen(row.totalFen)}`}>
      <ul ref={fit.listRef} className={`row-list ${fit.listClass}`} data-paged-list="" data-testid="payment-lines">
        {fit.rendered.map((payment) => (
          <li key={payment.id} className="line-card" data-testid="payment-line">
            <span className="line-card__text">
              <span className="line-card__main">
                {formatIsoDate(payment.paidDate)} 发放 · <strong className="money">{formatFen(payment.amountFen)}</strong>
              </span>
              <span className="line-card__side">
                {formatIsoDate(payment.period)} · {payment.department}
              </span>
            </span>
            <AskAboutButton
              subject={{
                kind: 'payment',
                id: payment.id,
                title: `${row.programName} ${formatIsoDate(payment.period)} ${formatFen(payment.amountFen)}`,
              }}
            />
          </li>
        ))}
      </ul>
      <div className="button-row">
        <Pager {...fit.pager} />
        <button type="button" className="action-button" onClick={onPolicy} data-testid="payment-policy">
          这是什么补贴
        </button>
      </div>
    </ScreenLayout>
  );
}
