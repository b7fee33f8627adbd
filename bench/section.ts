/** What each benchmark returns to bench/run.ts, which writes the markdown table and the chart. */
export interface Figure {
  /** e.g. "referrals per second through the API". */
  measure: string;
  value: number;
  unit: string;
  /** e.g. "p99 < 60 s"; absent when the issue sets no goal for this figure. */
  goal?: string;
  met?: boolean;
}

export interface BenchSection {
  id: string;
  title: string;
  figures: Figure[];
  /** Sentences for the results file: the workload, anything that fell short and why. */
  notes: string[];
}

export interface BenchOptions {
  quick: boolean;
  log: (message: string) => void;
}
