export { enrol, EnrolFailed, type EnrolOptions } from './enrol';
