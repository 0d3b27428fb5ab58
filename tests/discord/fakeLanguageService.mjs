/**
 * A stand-in for the Python language service, for tests of who starts it and who is told where it is (not
 * of what it answers): it opens a port, prints the service's ready line, answers /health, refuses the rest
 * (503, so answers go without parses), and exits when its stdin closes, as the real one does. The
 * supervisor runs it through a script standing where the venv's Python would (LANGUAGE_SERVICE_PYTHON).
 */
import { createServer } from 'node:http';

const model = {
  pipeline: 'fake',
  version: '0',
  spacy: '0',
  components: [],
  parser: false,
  entities: false,
  partsOfSpeech: false,
  format: 1,
};
const models = {
  analysis: { fr: model, en: model },
  embeddings: { model: 'fake', package: 'fake', version: '0', dimensions: 4, prefixes: ['query: ', 'passage: '] },
};
const server = createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ pid: process.pid, models }));
    return;
  }
  response.writeHead(503).end();
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ event: 'ready', port, pid: process.pid, models })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
