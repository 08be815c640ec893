// The one logger. It takes a message and, at most, an error: callers cannot pass a complaint or a
// payload, so a reporter's identity has no way into the log.
type Level = 'info' | 'warn' | 'error';

function write(level: Level, message: string, error?: unknown) {
  const detail = error instanceof Error ? ` ${error.name}: ${error.message}` : error === undefined ? '' : ` ${String(error)}`;
  const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${detail}`;
  if (level === 'info') console.log(line);
  else console.error(line);
}

export const log = {
  info: (message: string) => write('info', message),
  warn: (message: string, error?: unknown) => write('warn', message, error),
  error: (message: string, error?: unknown) => write('error', message, error),
};
