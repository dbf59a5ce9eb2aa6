/** `452123199001011234` → `452123 19900101 1234`: easier to type from a printed list. */
export function formatIdNumberForDisplay(idNumber: string): string {
  return `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14)}`;
}
