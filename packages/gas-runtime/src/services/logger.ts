/**
 * Logger and console for the bundle: every line is captured (host side) for tests; nothing is
 * printed unless the runtime is created with `verbose` (or ST_RUNTIME_VERBOSE=1).
 */
import util from 'node:util';
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';

export interface LogLine {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  at: Date;
}

/** Host-side log capture of one runtime. */
export class LogCapture {
  lines: LogLine[] = [];
  constructor(
    private readonly now: () => Date,
    private readonly verbose: boolean,
  ) {}
  add(source: LogLine['source'], level: LogLine['level'], message: string): void {
    this.lines.push({ source, level, message, at: this.now() });
    if (this.verbose) process.stderr.write(`[${source}.${level}] ${message}\n`);
  }
  /** Messages only, optionally filtered by level. */
  messages(level?: LogLine['level']): string[] {
    return this.lines.filter((l) => !level || l.level === level).map((l) => l.message);
  }
  clear(): void {
    this.lines = [];
  }
}

/** Formats Logger.log arguments: `Logger.log('a %s b', x)` substitutes like Apps Script. */
function formatLog(data: unknown, values: unknown[]): string {
  if (values.length && typeof data === 'string') return util.format(data, ...values);
  if (typeof data === 'string') return data;
  return typeof data === 'object' && data !== null ? JSON.stringify(data) : String(data);
}

export class FakeLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'clear' | 'getLog'> {
  private _buffer: string[] = [];
  constructor(private readonly _capture: LogCapture) {}
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const msg = formatLog(data, values);
    this._buffer.push(msg);
    this._capture.add('Logger', 'log', msg);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
  clear(): void {
    this._buffer = [];
  }
  getLog(): string {
    return this._buffer.map((m) => `${m}\n`).join('');
  }
}
assertReal<FakeLogger, GoogleAppsScript.Base.Logger>(true);
serviceClass(FakeLogger, 'Logger', {}, 'local');

/** The console object given to the bundle (pass-through to the capture). */
export function createConsole(
  capture: LogCapture,
): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const fmt = (args: unknown[]): string => util.format(...args);
  return {
    log: (...a: unknown[]) => capture.add('console', 'log', fmt(a)),
    info: (...a: unknown[]) => capture.add('console', 'info', fmt(a)),
    warn: (...a: unknown[]) => capture.add('console', 'warn', fmt(a)),
    error: (...a: unknown[]) => capture.add('console', 'error', fmt(a)),
    debug: (...a: unknown[]) => capture.add('console', 'debug', fmt(a)),
  };
}
