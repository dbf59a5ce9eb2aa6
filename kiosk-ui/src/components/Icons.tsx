import type { ReactNode } from 'react';

// Simple line glyphs on a 64×64 grid, drawn in the text colour. They sit beside a
// word, never replace it: many villagers read the picture first, but some need the word.

interface GlyphProps {
  children: ReactNode;
  className?: string;
}

function Glyph({ children, className = 'icon' }: GlyphProps) {
  return (
    <svg
      className={className}
      viewBox="0 0 64 64"
      fill="none"
      stroke="currentColor"
      strokeWidth={4.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export interface IconProps {
  className?: string;
}

/** A coin with ¥: payments (查补贴). */
export function PaymentsIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <circle cx="32" cy="32" r="26" />
      <path d="M22 17 L32 31 L42 17 M32 31 V49 M23 34 H41 M23 42 H41" />
    </Glyph>
  );
}

/** A public building with a flag: projects (项目公开). */
export function ProjectsIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <path d="M6 56 H58 M14 56 V26 H50 V56 M27 56 V44 H37 V56" />
      <path d="M20 33 H26 V38 H20 Z M38 33 H44 V38 H38 Z" />
      <path d="M32 26 V6 L46 11 L32 16" />
    </Glyph>
  );
}

/** A bar chart: village finance (村务财务). */
export function FinanceIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <path d="M8 8 V56 H58" />
      <path d="M18 56 V38 H26 V56 M32 56 V26 H40 V56 M46 56 V14 H54 V56" />
    </Glyph>
  );
}

/** A notice sheet: party and government affairs (党务政务). */
export function NoticesIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <path d="M14 6 H40 L52 18 V58 H14 Z M40 6 V18 H52" />
      <path d="M22 29 H44 M22 38 H44 M22 47 H36" />
    </Glyph>
  );
}

/** A speech bubble with a mark: report a problem (我要反映). */
export function ReportIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <path d="M14 8 H50 Q56 8 56 14 V38 Q56 44 50 44 H28 L16 56 V44 H14 Q8 44 8 38 V14 Q8 8 14 8 Z" />
      <path d="M32 16 V26" />
      <circle cx="32" cy="35" r="2.5" fill="currentColor" />
    </Glyph>
  );
}

/** A magnifying glass: follow a ticket (查进度). */
export function TicketIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <circle cx="27" cy="27" r="18" />
      <path d="M40 40 L57 57 M19 27 H35 M27 19 V35" />
    </Glyph>
  );
}

/** A question mark: help (帮助). */
export function HelpIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <circle cx="32" cy="32" r="26" />
      <path d="M23 25 Q23 16 32 16 Q41 16 41 24 Q41 30 32 33 V38" />
      <circle cx="32" cy="47" r="2.5" fill="currentColor" />
    </Glyph>
  );
}

/** A loudspeaker: read aloud (朗读). */
export function SpeakerIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <path d="M8 24 H20 L34 12 V52 L20 40 H8 Z" />
      <path d="M43 23 Q48 32 43 41 M50 16 Q60 32 50 48" />
    </Glyph>
  );
}

/** A house: home (首页). */
export function HomeIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <path d="M6 31 L32 9 L58 31 M15 24 V56 H49 V24 M27 56 V41 H37 V56" />
    </Glyph>
  );
}

/** An arrow pointing left: back (返回). */
export function BackIcon({ className }: IconProps) {
  return (
    <Glyph className={className}>
      <path d="M28 12 L8 32 L28 52 M8 32 H56" />
    </Glyph>
  );
}
