/**
 * `npm start`: the local workbench (build first: the npm script does).
 *
 *   npm start                          open the persisted workbook (seeded from samples/ on first run)
 *   npm start -- --port 9000           another port (or PORT=9000)
 *   npm start -- --reset               reseed the workbook from the sample
 *   npm start -- --import FILE.csv     start a new workbook from a user's exported sheet
 *   npm start -- --smoke               run the whole menu flow headless; exit 1 on any failure
 *   npm start -- --state FILE.json     keep the workbook in another file
 *   npm start -- --addon               run the editor add-on build (dist-addon/) in the add-on context
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { defaultStateFile, openSession } from './session';
import { startServer } from './server';
import { runSmoke } from './smoke';

export interface CliArgs {
  port: number;
  reset: boolean;
  smoke: boolean;
  importCsv: string | null;
  state: string | null;
  /** Run the editor add-on build (issue 13). */
  addon: boolean;
  help: boolean;
}

/** Parses the command line (flags after `npm start --`). Throws on an unknown flag. */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = {}): CliArgs {
  const out: CliArgs = {
    port: env.PORT ? Number(env.PORT) : 8080,
    reset: false,
    smoke: false,
    importCsv: null,
    state: null,
    addon: env.ST_ADDON === '1',
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        out.port = Number(value());
        break;
      case '--reset':
        out.reset = true;
        break;
      case '--smoke':
        out.smoke = true;
        break;
      case '--import':
        out.importCsv = value();
        break;
      case '--state':
        out.state = value();
        break;
      case '--addon':
        out.addon = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new Error(`unknown option ${a} (try --help)`);
    }
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)
    throw new Error(`invalid port ${String(out.port)}`);
  if (out.importCsv && !/\.(csv|tsv|txt)$/i.test(out.importCsv)) {
    throw new Error(`--import expects a .csv file exported from Sheets (got ${out.importCsv})`);
  }
  return out;
}

const HELP = `Support Tracker workbench
  npm start                        open the local workbook at http://127.0.0.1:8080
  npm start -- --port N            listen on another port (or PORT=N)
  npm start -- --reset             reseed the workbook from samples/legacy-support.csv
  npm start -- --import FILE.csv   load a user's exported sheet into a new workbook
  npm start -- --smoke             run the whole menu flow headless (exit 1 on failure)
  npm start -- --state FILE.json   keep the workbook in another file (default .workbench/workbook.json)
  npm start -- --addon             run the editor add-on build (dist-addon/, add-on menu, one trigger)`;

async function main(): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    console.error(HELP);
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const root = process.cwd();
  if (args.addon) {
    // `npm start` builds the bound script; the add-on build is made here.
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--addon'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  if (args.smoke) {
    const result = await runSmoke({ root, addon: args.addon });
    return result.ok ? 0 : 1;
  }
  const file = args.state ? path.resolve(args.state) : defaultStateFile(root, args.addon);
  const session = await openSession({
    root,
    file,
    addon: args.addon,
    reset: args.reset,
    importCsv: args.importCsv ? path.resolve(args.importCsv) : undefined,
  });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ session, root, port: args.port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${args.port} is in use: try npm start -- --port ${args.port + 1}`);
      return 1;
    }
    throw e;
  }
  const st = session.state();
  console.log(`Support Tracker workbench: ${server.url}`);
  console.log(
    `  workbook "${st.workbook}" (${st.sheets.map((s) => s.name).join(', ')}) saved to ${file}`,
  );
  console.log(`  menu: ${st.menus.map((m) => m.caption).join(', ') || '(none)'}; Ctrl+C to stop`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

if (process.argv[1] && /workbench[\\/]main\.ts$/.test(process.argv[1])) {
  main().then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exit(1);
    },
  );
}
