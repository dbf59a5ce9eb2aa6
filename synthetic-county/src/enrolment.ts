import { byAge, enrolCanji, enrolGengdi, enrolGuer, enrolJiaoyu, enrolWeifang, PENSION_TAKE_UP } from './benefits';
import type { County } from './geography';
import type { MonthlyGrant, OneOffGrant, YearlyGrant } from './grants';
import { drawPoverty, enrolLowIncome } from './low-income';
import type { Household, Population } from './population';
import { Rng, Stream } from './rng';
import type { ScaleConfig } from './scale';

/** Who is entitled to what. Payments are derived from it; deaths then stop them. */
export interface Enrolment {
  dibao: MonthlyGrant[];
  tekun: MonthlyGrant[];
  gaoling: MonthlyGrant[];
  guer: MonthlyGrant[];
  canji: MonthlyGrant[];
  yanglao: MonthlyGrant[];
  /** 耕地地力保护补贴: household heads, fen a year. */
  gengdi: YearlyGrant[];
  weifang: OneOffGrant[];
  /** 学生资助: students, paid each semester by their age. */
  jiaoyu: number[];
  /** Households where someone is paid 低保 or 特困 at any time. */
  lowIncomeHouseholds: Set<number>;
}

export interface EnrolResult {
  /** 建档立卡: household index → registration date. */
  poverty: Map<number, string>;
  enrolment: Enrolment;
}

/** Draws the poverty register and every programme's entitlements for one seed. */
export function enrol(county: County, population: Population, scale: ScaleConfig, seed: number): EnrolResult {
  const rng = Rng.stream(seed, Stream.enrolment);
  const poverty = drawPoverty(rng, population, scale);
  const lowIncome = enrolLowIncome(rng, population, poverty, scale);
  const needy = (h: Household): boolean => poverty.has(h.index) || lowIncome.lowIncomeHouseholds.has(h.index);
  const enrolment: Enrolment = {
    ...lowIncome,
    gaoling: byAge(population, 80, () => true, rng),
    guer: enrolGuer(rng, population),
    canji: enrolCanji(rng, population),
    yanglao: byAge(population, 60, (r) => r.chance(PENSION_TAKE_UP), rng),
    gengdi: enrolGengdi(rng, population, county),
    weifang: enrolWeifang(rng, population, needy),
    jiaoyu: enrolJiaoyu(rng, population, needy),
  };
  return { poverty, enrolment };
}
