/**
 * The `newsgraph` command line: one file per command under ./commands, each
 * a thin shell over a library function. Errors become one line on stderr and
 * the exit code DESIGN.md fixes (0 ok, 1 bad input, 2 bad usage, 3 Neo4j).
 */
import { Command, CommanderError } from 'commander';
import { ExitCode, NewsgraphError } from '../types.js';
import { commands } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('newsgraph')
    .description('Turn news articles into a knowledge graph of who said what.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  // Sub-commands inherit exitOverride so usage errors come back to main().
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors.
      if (error.exitCode === 0) return ExitCode.ok;
      return ExitCode.badUsage;
    }
    if (error instanceof NewsgraphError) {
      process.stderr.write(`newsgraph: ${error.message}\n`);
      return error.exitCode;
    }
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return ExitCode.ok;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`newsgraph: ${message.split('\n')[0]}\n`);
    return ExitCode.badInput;
  }
}
