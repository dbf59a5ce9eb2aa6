import type { CountyScale } from '@sunshine/contracts';

/** What a scale changes: how many people (and so payments), and how many anomalies are planted. */
export interface ScaleConfig {
  people: number;
  /** Towns and villages per town used; `null` = the whole county (15 towns, 250 villages). */
  geography: { towns: number; villagesPerTown: number } | null;
  /** Planted anomalies of each kind (docs/design.md §10). */
  anomaliesPerKind: number;
  /** Floors that keep a tiny county rich enough to plant every anomaly in a distinct household. */
  minDibaoHouseholds: number;
  minPovertyHouseholds: number;
  /** Normal 低保 → 特困 transitions (no overlapping month): they must not be flagged. */
  transitions: number;
}

export const SCALES: Record<CountyScale, ScaleConfig> = {
  tiny: {
    people: 300,
    geography: { towns: 2, villagesPerTown: 3 },
    anomaliesPerKind: 2,
    minDibaoHouseholds: 14,
    minPovertyHouseholds: 14,
    transitions: 1,
  },
  demo: {
    people: 20_000,
    geography: null,
    anomaliesPerKind: 5,
    minDibaoHouseholds: 40,
    minPovertyHouseholds: 30,
    transitions: 3,
  },
  county: {
    people: 320_000,
    geography: null,
    anomaliesPerKind: 20,
    minDibaoHouseholds: 100,
    minPovertyHouseholds: 100,
    transitions: 10,
  },
};
