import type { PaymentView } from '@sunshine/contracts';

export interface PaymentYear {
  year: string;
  payments: PaymentView[];
  totalFen: number;
}

export interface PaymentProgram {
  programCode: string;
  programName: string;
  years: PaymentYear[];
  totalFen: number;
}

/**
 * Groups a person's payments by programme, then by year (of the period paid for),
 * newest year first. Programmes keep the order of their newest payment.
 */
export function groupPayments(payments: readonly PaymentView[]): PaymentProgram[] {
  const programs = new Map<string, PaymentProgram>();
  const sorted = [...payments].sort((a, b) => b.paidDate.localeCompare(a.paidDate));
  for (const payment of sorted) {
    let program = programs.get(payment.programCode);
    if (program === undefined) {
      program = { programCode: payment.programCode, programName: payment.programName, years: [], totalFen: 0 };
      programs.set(payment.programCode, program);
    }
    const yearKey = payment.period.slice(0, 4);
    let year = program.years.find((y) => y.year === yearKey);
    if (year === undefined) {
      year = { year: yearKey, payments: [], totalFen: 0 };
      program.years.push(year);
    }
    year.payments.push(payment);
    year.totalFen += payment.amountFen;
    program.totalFen += payment.amountFen;
  }
  for (const program of programs.values()) program.years.sort((a, b) => b.year.localeCompare(a.year));
  return [...programs.values()];
}
