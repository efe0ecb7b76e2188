/** The dashboard: token, then a snapshot of everything and the live stream that keeps it current. */
import './styles.css';
import { ApiError, currentToken, useToken } from './api.js';
import { authRequired, normaliseToken, readToken, saveToken } from './auth.js';
import { byId } from './dom.js';
import { readSnapshot } from './events-api.js';
import { ExecutionsPanel } from './executions.js';
import { EventFeed } from './feed.js';
import { GraphPanel } from './graph.js';
import { type ConnectionState, EventStream } from './live.js';
import { PatternsPanel } from './patterns.js';

const connection = byId('connection');
const message = byId('message');
const pauseButton = byId<HTMLButtonElement>('pause');
const tokenForm = byId<HTMLFormElement>('token-form');
const tokenInput = byId<HTMLInputElement>('token');
const forgetButton = byId<HTMLButtonElement>('forget-token');
const main = byId('panels');

const patterns = new PatternsPanel();
const executions = new ExecutionsPanel(() => void patterns.refresh().catch(() => {}));
const feed = new EventFeed();
new GraphPanel();

function showState(state: ConnectionState, reason: string): void {
  connection.dataset.state = state;
  connection.textContent = reason ? `${state} (${reason})` : state;
}

const live = new EventStream({
  token: currentToken,
  onEvent: (event) => {
    feed.add(event);
    executions.handle(event);
    document.body.dataset.lastEvent = event.id;
  },
  onState: (state, reason) => {
    showState(state, reason);
    if (reason.startsWith('the token was refused')) showMessage(`${reason}. Enter a valid token.`);
  },
  // Never expected (a resume starts right after the last id seen); shown for whoever checks.
  onDuplicate: (count) => {
    document.body.dataset.duplicates = String(count);
  },
});

function showMessage(text: string): void {
  message.textContent = text;
  message.hidden = text === '';
}

async function start(): Promise<void> {
  live.stop('restarting');
  feed.clear();
  executions.clear();
  patterns.clear();
  if (authRequired && !currentToken()) {
    main.hidden = true;
    showState('closed', 'no token');
    showMessage(
      'This server requires a token (JWT). Paste one above to see your executions and events.',
    );
    tokenInput.focus();
    return;
  }
  showMessage('');
  main.hidden = false;
  try {
    // The snapshot's cursor first: what the lists read next is then no older than the stream.
    const snapshot = await readSnapshot(50);
    for (const event of snapshot.events) feed.add(event);
    live.start(snapshot.cursor);
    await Promise.all([executions.load(), patterns.refresh()]);
    pauseButton.disabled = false;
    document.body.dataset.ready = 'true';
  } catch (error) {
    live.stop(error instanceof Error ? error.message : 'error');
    showState('closed', error instanceof Error ? error.message : 'error');
    if (error instanceof ApiError && error.unauthenticated) {
      main.hidden = true;
      showMessage(`The server refused the token: ${error.message}. Enter a valid token.`);
    } else {
      showMessage(
        `The dashboard could not load: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

pauseButton.addEventListener('click', () => {
  if (live.running) {
    live.pause();
    pauseButton.textContent = 'Resume';
    pauseButton.setAttribute('aria-pressed', 'true');
  } else {
    live.resume();
    pauseButton.textContent = 'Pause';
    pauseButton.setAttribute('aria-pressed', 'false');
  }
});

tokenForm.hidden = !authRequired;
tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = normaliseToken(tokenInput.value) || null;
  tokenInput.value = '';
  saveToken(token);
  useToken(token);
  void start();
});
forgetButton.addEventListener('click', () => {
  saveToken(null);
  useToken(null);
  void start();
});

useToken(authRequired ? readToken() : null);
document.body.dataset.auth = authRequired ? 'jwt' : 'development';
document.body.dataset.duplicates = '0';
void start();
