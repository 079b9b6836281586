import type { CliContext } from '../context';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** One-letter alias, as in `-o FILE`. */
  short?: string;
  description: string;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options?: Record<string, OptionSpec>;
  run(ctx: CliContext, positionals: string[], options: Record<string, unknown>): Promise<void>;
}
