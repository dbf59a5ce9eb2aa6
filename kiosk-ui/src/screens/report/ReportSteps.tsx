import { formatTicketNumber, TICKET_STATUS_WORDS, type ComplaintCategory, type OpenTicketSummary } from '@sunshine/contracts';
import { Keypad } from '../../components/Keypad';
import { Notice } from '../../components/ScreenLayout';
import { groupForDisplay, PHONE_KEYPAD } from '../../keypad/keypad-logic';
import { CATEGORY_ICONS } from './category-icons';
import { ReportIcon } from '../../components/Icons';

export function RelatedStep({ tickets, onAddTo, onNew }: { tickets: OpenTicketSummary[]; onAddTo: (t: string) => void; onNew: () => void }) {
  return (
    <>
      <Notice kind="info" testId="related-notice">这件事已经有 {tickets.length} 个反映正在办理。您可以补充到已有的反映，也可以另外反映。</Notice>
      <ul className="row-list">
        {tickets.slice(0, 3).map((t) => (
          <li key={t.ticketNumber}>
            <button type="button" className="row-button" onClick={() => onAddTo(t.ticketNumber)} data-testid="related-ticket">
              <span className="row-button__main">补充到 {formatTicketNumber(t.ticketNumber)}</span>
              <span className="row-button__side">{TICKET_STATUS_WORDS[t.status]}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="action-button" onClick={onNew} data-testid="related-new">另外反映</button>
    </>
  );
}

export function CategoryStep({ categories, onPick }: { categories: ComplaintCategory[]; onPick: (c: ComplaintCategory) => void }) {
  return (
    <div className="choice-grid">
      {categories.slice(0, 6).map((category) => {
        const Icon = CATEGORY_ICONS[category.code] ?? ReportIcon;
        return (
          <button key={category.code} type="button" className="choice" onClick={() => onPick(category)} data-testid={`category-${category.code}`}>
            <Icon className="choice__icon" />
            <span>{category.name}</span>
          </button>
        );
      })}
    </div>
  );
}

export function ContactStep({ phone, onPhone, onNext, error }: { phone: string; onPhone: (p: string) => void; onNext: () => void; error: string | null }) {
  return (
    <div className="entry">
      <div className="entry__side">
        <Notice kind="info">不留电话就是匿名反映。想让我们回电话，请输入手机号码。</Notice>
        <p className="entry__display" data-testid="phone-display">{phone === '' ? '匿名' : groupForDisplay(phone, [3, 4, 4])}</p>
        {error !== null && <Notice kind="error" testId="phone-error">{error}</Notice>}
        <button type="button" className="action-button action-button--primary" onClick={onNext} data-testid="contact-next">
          {phone === '' ? '匿名，下一步' : '下一步'}
        </button>
      </div>
      <Keypad value={phone} rules={PHONE_KEYPAD} onChange={onPhone} />
    </div>
  );
}
