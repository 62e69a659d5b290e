/**
 * The review log's writer (issue 17): appends explanations and sign-offs to `Avstemmingslogg`.
 * TO BE IMPLEMENTED.
 */
import type { ExcelContext } from '../excelApi';
import type { ReviewAppend, ReviewWriteResult } from '../gateway';

export interface ReviewWriteConfig {
  readonly payloadLimit: number;
}

export async function appendReview(
  context: ExcelContext,
  add: ReviewAppend,
  config: ReviewWriteConfig,
): Promise<ReviewWriteResult> {
  void context;
  void add;
  void config;
  throw new Error('appendReview: not implemented yet');
}
