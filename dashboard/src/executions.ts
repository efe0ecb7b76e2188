/**
 * Executions now: running runs with a bar and one stage per step, folded from PROGRESS events;
 * finished ones in a recent list (filterable), each opening its steps, outputs and errors.
 */
import { query } from './api.js';
import { byId, formatMs, formatTime, h } from './dom.js';
import type { LiveEvent, StageStatus } from './events-api.js';

type ExecutionStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

interface Stage {
  name: string;
  status: StageStatus;
}

interface Run {
  id: string;
  patternId: string;
  patternName: string;
  status: ExecutionStatus;
  percent: number;
  stages: Stage[];
  startedAt: string | null;
  createdAt: string;
  durationMs: number | null;
  error: string | null;
}

interface ExecutionNode {
  id: string;
  status: ExecutionStatus;
  createdAt: string;
  startedAt: string | null;
  durationMs: number | null;
  error: string | null;
  pattern: { id: string; name: string };
  progress: { percent: number; stages: Stage[] };
}

const NODE = `id status createdAt startedAt durationMs error pattern { id name }
  progress { percent stages { name status } }`;

const RANK: Record<StageStatus, number> = { PENDING: 0, PROCESSING: 1, COMPLETED: 2, FAILED: 2 };
const RECENT_LIMIT = 50;
const RUNNING_LIMIT = 50;

export class ExecutionsPanel {
  private readonly runs = new Map<string, Run>();
  /** Runs being read after an event named them, with the changes that came meanwhile. */
  private readonly reading = new Map<string, { promise: Promise<void>; held: LiveEvent[] }>();
  private readonly running = byId<HTMLUListElement>('running');
  private readonly recent = byId<HTMLTableSectionElement>('recent-rows');
  private readonly patternFilter = byId<HTMLSelectElement>('recent-pattern');
  private readonly statusFilter = byId<HTMLSelectElement>('recent-status');
  private readonly detail = byId<HTMLElement>('detail');

  constructor(private readonly onFinished: (run: { patternId: string }) => void) {
    this.patternFilter.addEventListener('change', () => this.renderRecent());
    this.statusFilter.addEventListener('change', () => this.renderRecent());
    setInterval(() => this.tick(), 1000);
  }

  clear(): void {
    this.runs.clear();
    this.renderRunning();
    this.renderRecent();
  }

  async load(): Promise<void> {
    // Two reads: each stays within the server's query cost limit.
    const [running, recent] = await Promise.all([
      query<{ executions: Connection }>(
        `{ executions(status: RUNNING, first: ${RUNNING_LIMIT}) { edges { node { ${NODE} } } } }`,
      ),
      query<{ executions: Connection }>(
        `{ executions(first: ${RECENT_LIMIT}) { edges { node { ${NODE} } } } }`,
      ),
    ]);
    for (const edge of [...recent.executions.edges, ...running.executions.edges])
      this.store(edge.node);
    this.renderRunning();
    this.renderRecent();
  }

  /** Folds one live event into the runs it concerns. */
  handle(event: LiveEvent): void {
    const id = event.executionId;
    if (!id) return;
    if (event.type === 'PROGRESS' && event.change) {
      const change = event.change;
      const run = this.runs.get(id);
      const read = this.reading.get(id);
      if (read) {
        read.held.push(event);
        return;
      }
      if (!run) {
        this.readRun(id);
        return;
      }
      // The read and the events may overlap: every change moves forward only, so applying one
      // twice or after a newer read changes nothing.
      run.percent = Math.max(run.percent, change.percent);
      if (run.status === 'PENDING') run.status = 'RUNNING';
      const stage = change.stage;
      if (stage) {
        const known = run.stages.find((s) => s.name === stage.name);
        if (!known) run.stages.push({ name: stage.name, status: stage.status });
        else if (RANK[stage.status] > RANK[known.status]) known.status = stage.status;
      }
      this.renderRunning();
    } else if (event.type === 'PATTERN_EXECUTED' || event.type === 'ERROR') {
      this.readRun(id, true);
    }
  }

  private readRun(id: string, finished = false): void {
    const previous = this.reading.get(id);
    const held: LiveEvent[] = previous?.held ?? [];
    const promise = (previous?.promise ?? Promise.resolve())
      .then(() =>
        query<{ execution: ExecutionNode | null }>(
          `query Run($id: ID!) { execution(id: $id) { ${NODE} } }`,
          { id },
        ),
      )
      .then(({ execution }) => {
        if (!execution) return;
        const run = this.store(execution);
        if (finished && isFinished(run.status)) this.onFinished(run);
      })
      .catch(() => {
        // A run the viewer may not read, or one already deleted: nothing to show.
      })
      .finally(() => {
        if (this.reading.get(id)?.promise !== promise) return;
        this.reading.delete(id);
        // Changes are monotonic, so those that came during the read apply on top of it.
        if (this.runs.has(id)) for (const event of held.splice(0)) this.handle(event);
        this.renderRunning();
        this.renderRecent();
      });
    this.reading.set(id, { promise, held });
  }

  private store(node: ExecutionNode): Run {
    const existing = this.runs.get(node.id);
    const run: Run = {
      id: node.id,
      patternId: node.pattern.id,
      patternName: node.pattern.name,
      status: node.status,
      percent: Math.max(node.progress.percent, existing?.percent ?? 0),
      stages: node.progress.stages.map((stage) => {
        const live = existing?.stages.find((s) => s.name === stage.name);
        return live && RANK[live.status] > RANK[stage.status] ? live : { ...stage };
      }),
      startedAt: node.startedAt,
      createdAt: node.createdAt,
      durationMs: node.durationMs,
      error: node.error,
    };
    this.runs.set(run.id, run);
    return run;
  }

  private renderRunning(): void {
    const runs = [...this.runs.values()].filter((run) => !isFinished(run.status));
    runs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this.running.replaceChildren(
      ...(runs.length === 0
        ? [h('li', { class: 'empty' }, 'Nothing running.')]
        : runs.map((run) =>
            h(
              'li',
              { class: 'run', 'data-execution-id': run.id, 'data-status': run.status },
              h(
                'div',
                { class: 'run-head' },
                this.openButton(run),
                h('span', { class: 'muted' }, run.patternName),
              ),
              bar(run),
              stages(run),
              h(
                'span',
                { class: 'elapsed muted', 'data-started': run.startedAt ?? run.createdAt },
                elapsed(run),
              ),
            ),
          )),
    );
  }

  private renderRecent(): void {
    const finished = [...this.runs.values()].filter((run) => isFinished(run.status));
    finished.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    this.updatePatternOptions(finished);
    const pattern = this.patternFilter.value;
    const status = this.statusFilter.value;
    const shown = finished
      .filter(
        (run) =>
          (pattern === '' || run.patternId === pattern) && (status === '' || run.status === status),
      )
      .slice(0, RECENT_LIMIT);
    this.recent.replaceChildren(
      ...(shown.length === 0
        ? [h('tr', {}, h('td', { colspan: 5, class: 'empty' }, 'No finished runs match.'))]
        : shown.map((run) =>
            h(
              'tr',
              { 'data-execution-id': run.id, 'data-status': run.status },
              h('td', {}, this.openButton(run)),
              h(
                'td',
                {},
                h('span', { class: `status status-${run.status}` }, run.status),
                bar(run),
              ),
              h('td', {}, formatMs(run.durationMs)),
              h('td', {}, run.patternName),
              h('td', { class: 'error-cell' }, run.error ?? ''),
            ),
          )),
    );
  }

  private updatePatternOptions(runs: Run[]): void {
    const selected = this.patternFilter.value;
    const names = new Map(runs.map((run) => [run.patternId, run.patternName]));
    if (selected && !names.has(selected)) names.set(selected, selected);
    const options = [h('option', { value: '' }, 'All patterns')];
    for (const [id, name] of [...names].sort((a, b) => a[1].localeCompare(b[1]))) {
      options.push(h('option', { value: id, selected: id === selected }, name));
    }
    this.patternFilter.replaceChildren(...options);
    this.patternFilter.value = selected;
  }

  private openButton(run: Run): HTMLButtonElement {
    const button = h(
      'button',
      { type: 'button', class: 'link', 'aria-label': `Open execution ${run.id}` },
      run.id,
    );
    button.addEventListener('click', () => void this.open(run.id));
    return button;
  }

  async open(id: string): Promise<void> {
    this.detail.hidden = false;
    this.detail.replaceChildren(h('p', { class: 'muted' }, `Reading ${id}…`));
    try {
      const { execution } = await query<{ execution: ExecutionDetail | null }>(
        `query Detail($id: ID!) { execution(id: $id) { id status error durationMs createdAt input output
           pattern { id name version } steps { stepId status attempts durationMs output error } } }`,
        { id },
      );
      this.detail.replaceChildren(
        ...(execution ? renderDetail(execution) : [h('p', {}, `${id} was not found.`)]),
      );
    } catch (error) {
      this.detail.replaceChildren(
        h('p', { class: 'error', role: 'alert' }, String((error as Error).message)),
      );
    }
    const close = h('button', { type: 'button' }, 'Close');
    close.addEventListener('click', () => {
      this.detail.hidden = true;
    });
    this.detail.prepend(close);
    this.detail.focus();
  }

  private tick(): void {
    for (const element of this.running.querySelectorAll<HTMLElement>('.elapsed')) {
      const started = Date.parse(element.dataset.started ?? '');
      if (!Number.isNaN(started)) element.textContent = formatMs(Date.now() - started);
    }
  }
}

interface Connection {
  edges: Array<{ node: ExecutionNode }>;
}

interface ExecutionDetail {
  id: string;
  status: ExecutionStatus;
  error: string | null;
  durationMs: number | null;
  createdAt: string;
  input: unknown;
  output: unknown;
  pattern: { id: string; name: string; version: number };
  steps: Array<{
    stepId: string;
    status: string;
    attempts: number;
    durationMs: number | null;
    output: unknown;
    error: string | null;
  }>;
}

function isFinished(status: ExecutionStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}

function bar(run: Run): HTMLElement {
  const percent = Math.round(run.percent);
  const fill = h('div', { class: `bar-fill bar-${run.status}`, 'data-percent': percent });
  // Through the CSSOM: the page's CSP allows no style attributes.
  fill.style.width = `${percent}%`;
  return h(
    'div',
    {
      class: 'bar',
      role: 'progressbar',
      'aria-label': `Progress of ${run.id}`,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': percent,
      'data-execution-id': run.id,
    },
    fill,
  );
}

function stages(run: Run): HTMLElement {
  return h(
    'ol',
    { class: 'stages', 'aria-label': 'Stages' },
    ...run.stages.map((stage) =>
      h(
        'li',
        { class: `stage stage-${stage.status}`, title: `${stage.name}: ${stage.status}` },
        h('span', { class: 'stage-name' }, stage.name),
        h('span', { class: 'visually-hidden' }, ` ${stage.status}`),
      ),
    ),
  );
}

function elapsed(run: Run): string {
  const started = Date.parse(run.startedAt ?? run.createdAt);
  return Number.isNaN(started) ? '' : formatMs(Date.now() - started);
}

function renderDetail(execution: ExecutionDetail): HTMLElement[] {
  return [
    h('h3', { id: 'detail-title' }, `${execution.pattern.name} v${execution.pattern.version}`),
    h(
      'p',
      {},
      h('span', { class: `status status-${execution.status}` }, execution.status),
      ` ${execution.id} · started ${formatTime(execution.createdAt)} · ${formatMs(execution.durationMs)}`,
    ),
    execution.error ? h('p', { class: 'error', 'data-detail-error': '' }, execution.error) : null,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Step', 'Status', 'Attempts', 'Duration', 'Output / error'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...execution.steps.map((step) =>
          h(
            'tr',
            { 'data-step': step.stepId },
            h('td', {}, step.stepId),
            h('td', {}, h('span', { class: `status status-${step.status}` }, step.status)),
            h('td', {}, step.attempts),
            h('td', {}, formatMs(step.durationMs)),
            h('td', {}, step.error ? h('span', { class: 'error' }, step.error) : json(step.output)),
          ),
        ),
      ),
    ),
    h('h4', {}, 'Output'),
    json(execution.output),
  ].filter((node): node is HTMLElement => node !== null);
}

function json(value: unknown): HTMLElement {
  return h(
    'pre',
    { class: 'json' },
    value === null || value === undefined ? '–' : JSON.stringify(value, null, 2),
  );
}
