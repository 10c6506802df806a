/** The result of comparing a candidate's metric with the champion's on the same rows. */
export interface Comparison {
  metric: string;
  candidate: number;
  champion: number;
  /** candidate - champion */
  diff: number;
  /** CI of diff at `confidence` */
  ci: [number, number];
  confidence: number;
  method: 'delong' | 'paired-bootstrap' | 'registered-metrics';
}
