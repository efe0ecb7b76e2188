/** Patterns: usage, success rate, average duration, and the durations of the last 20 runs. */
import uPlot from 'uplot';
import { query } from './api.js';
import { byId, formatMs, h } from './dom.js';

interface PatternRow {
  id: string;
  name: string;
  usageCount: number;
  successRate: number;
  avgDurationMs: number | null;
}

interface RunPoint {
  createdAt: string;
  durationMs: number | null;
  status: string;
}

const LAST_RUNS = 20;

export class PatternsPanel {
  private readonly body = byId<HTMLTableSectionElement>('pattern-rows');
  private readonly charts = new Map<string, uPlot>();
  private refreshing: Promise<void> | undefined;
  private again = false;

  clear(): void {
    for (const chart of this.charts.values()) chart.destroy();
    this.charts.clear();
    this.body.replaceChildren();
  }

  /** Reads again; calls that come while a read runs make one more read after it. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = this.load().finally(() => {
      this.refreshing = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const { patterns } = await query<{ patterns: { edges: Array<{ node: PatternRow }> } }>(
      '{ patterns(first: 50) { edges { node { id name usageCount successRate avgDurationMs } } } }',
    );
    const rows = patterns.edges.map((edge) => edge.node);
    rows.sort((a, b) => b.usageCount - a.usageCount || a.name.localeCompare(b.name));
    const used = rows.filter((row) => row.usageCount > 0).slice(0, 12);
    const runs = await this.lastRuns(used.map((row) => row.id));
    this.clear();
    for (const row of rows) {
      const chartCell = h('td', { class: 'chart-cell' });
      this.body.append(
        h(
          'tr',
          { 'data-pattern-id': row.id },
          h('th', { scope: 'row' }, row.name, h('div', { class: 'muted' }, row.id)),
          h('td', { 'data-usage': row.usageCount }, row.usageCount),
          h('td', {}, `${Math.round(row.successRate * 100)} %`),
          h('td', {}, formatMs(row.avgDurationMs)),
          chartCell,
        ),
      );
      const points = runs.get(row.id);
      if (points && points.length > 0) this.chart(row, points, chartCell);
    }
    if (rows.length === 0)
      this.body.append(h('tr', {}, h('td', { colspan: 5, class: 'empty' }, 'No patterns yet.')));
  }

  /** One request for every pattern's last runs, through aliases. */
  private async lastRuns(ids: string[]): Promise<Map<string, RunPoint[]>> {
    const result = new Map<string, RunPoint[]>();
    if (ids.length === 0) return result;
    const fields = ids
      .map(
        (_, index) =>
          `p${index}: executions(patternId: $p${index}, first: ${LAST_RUNS}) { edges { node { createdAt durationMs status } } }`,
      )
      .join('\n');
    const variables = Object.fromEntries(ids.map((id, index) => [`p${index}`, id]));
    const declared = ids.map((_, index) => `$p${index}: ID!`).join(', ');
    const data = await query<Record<string, { edges: Array<{ node: RunPoint }> }>>(
      `query LastRuns(${declared}) { ${fields} }`,
      variables,
    );
    ids.forEach((id, index) => {
      const edges = data[`p${index}`]?.edges ?? [];
      result.set(id, edges.map((edge) => edge.node).reverse());
    });
    return result;
  }

  private chart(row: PatternRow, points: RunPoint[], cell: HTMLElement): void {
    const finished = points.filter((point) => point.durationMs !== null);
    const xs = finished.map((_, index) => index + 1);
    const ys = finished.map((point) => point.durationMs ?? 0);
    const label = `Durations of the last ${finished.length} runs of ${row.name}, in ms`;
    cell.setAttribute('aria-label', label);
    cell.append(h('span', { class: 'visually-hidden' }, `${label}: ${ys.join(', ')}`));
    const width = Math.max(120, Math.min(260, cell.clientWidth || 220));
    const chart = new uPlot(
      {
        width,
        height: 70,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        axes: [{ show: false }, { size: 36, font: '10px system-ui', ticks: { show: false } }],
        series: [
          {},
          { stroke: '#3b82f6', width: 1.5, fill: 'rgba(59,130,246,0.12)', points: { size: 4 } },
        ],
      },
      [xs, ys],
      cell,
    );
    this.charts.set(row.id, chart);
  }
}
