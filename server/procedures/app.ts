// app.*: what the renderer needs to know about the app it talks to.
import type { HandlersOf, ProcedureContext } from './context';

export function appProcedures(ctx: ProcedureContext): HandlersOf<'app'> {
  return {
    'app.info': () => ({
      version: ctx.app.version,
      host: ctx.app.host,
      dataDir: ctx.app.dataDir,
      schemaVersion: ctx.database.schemaVersion,
      canPrintDialog: !!ctx.printer?.dialog,
    }),
    'app.jobs': () => ({ deadlines: ctx.background.deadlines.status() }),
  };
}
