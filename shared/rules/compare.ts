// Code-point order for machine strings (ISO times, ids): locale collation may ignore punctuation.
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
