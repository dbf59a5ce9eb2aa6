export { generateCounty, MAX_SEED, type GenerateOptions } from './generate';
export { LOW_INCOME_PROGRAMS, MUTUALLY_EXCLUSIVE_PROGRAMS, PROGRAMS, type ProgramCode } from './programs';
export { SCALES, type ScaleConfig } from './scale';
export { AS_OF } from './calendar';
