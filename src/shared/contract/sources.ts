import { z } from 'zod';
import { call } from './define';
import { SourceId } from './ids';
import type { SourceDetail, SourceSummary } from '../domain';

export const sources = {
  list: call(z.object({}).strict()).returns<SourceSummary[]>(),
  get: call(z.object({ id: SourceId }).strict()).returns<SourceDetail>(),
} as const;
