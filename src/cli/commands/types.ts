import type { CliContext } from '../context';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** One-letter alias, as in `-o FILE`. */
  short?: string;
  description: string;
}

/** What help, usage errors and the parser need of a command: everything but its code. */
export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  options?: Record<string, OptionSpec>;
}

/** A command's code, in its own module (commands/<file>.ts), loaded when the command runs. */
export interface Runner {
  run(ctx: CliContext, positionals: string[], options: Record<string, unknown>): Promise<void>;
}

export interface Command extends CommandSpec, Runner {}
