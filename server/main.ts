/**
 * The team sync server's one entry point (`npm run server -- …`): with no command or `serve`
 * it runs the HTTP server, otherwise an admin command (see cli.ts). Each side is imported
 * only when needed, so an admin command does not load the HTTP stack.
 */
const argv = process.argv.slice(2);
if (argv.length === 0 || argv[0] === 'serve') {
  const [{ serve }, { log }] = await Promise.all([import('./serve'), import('./log')]);
  try {
    await serve();
  } catch (err) {
    log('error', 'the server could not start', { error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
} else {
  const { runAdmin } = await import('./cli');
  process.exitCode = await runAdmin(argv);
}
