/** The neighbourhood of an entity (depth 1–2) drawn with Cytoscape; a node click re-centres. */
import cytoscape, { type Core } from 'cytoscape';
import { query } from './api.js';
import { byId, h } from './dom.js';

interface Traversal {
  traverse: {
    entities: Array<{ depth: number; entity: { id: string } }>;
    relationships: Array<{ id: string; type: string; from: { id: string }; to: { id: string } }>;
  };
}

const LIMIT = 200;

export class GraphPanel {
  private readonly form = byId<HTMLFormElement>('graph-form');
  private readonly input = byId<HTMLInputElement>('graph-entity');
  private readonly depth = byId<HTMLSelectElement>('graph-depth');
  private readonly status = byId<HTMLElement>('graph-status');
  private readonly container = byId<HTMLElement>('graph-canvas');
  private readonly neighbours = byId<HTMLUListElement>('graph-list');
  private cy: Core | undefined;

  constructor() {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.show(this.input.value.trim());
    });
  }

  async show(id: string): Promise<void> {
    if (!id) return;
    this.input.value = id;
    this.status.textContent = `Reading the neighbourhood of ${id}…`;
    let data: Traversal;
    try {
      data = await query<Traversal>(
        `query Around($id: ID!, $depth: Int!) { traverse(from: $id, maxDepth: $depth, direction: BOTH, limit: ${LIMIT}) {
           entities { depth entity { id } } relationships { id type from { id } to { id } } } }`,
        { id, depth: Number(this.depth.value) },
      );
    } catch (error) {
      this.status.textContent = (error as Error).message;
      return;
    }
    const { entities, relationships } = data.traverse;
    this.status.textContent =
      entities.length <= 1
        ? `${id} has no relationships.`
        : `${entities.length} entities, ${relationships.length} relationships around ${id}.`;
    this.draw(id, data.traverse);
    // The same neighbourhood as a list of buttons: keyboard and screen-reader users re-centre here.
    this.neighbours.replaceChildren(
      ...entities
        .filter((entry) => entry.entity.id !== id)
        .map((entry) => {
          const button = h('button', { type: 'button', class: 'link' }, entry.entity.id);
          button.addEventListener('click', () => void this.show(entry.entity.id));
          return h(
            'li',
            { 'data-depth': entry.depth },
            button,
            h('span', { class: 'muted' }, ` depth ${entry.depth}`),
          );
        }),
    );
  }

  private draw(center: string, traversal: Traversal['traverse']): void {
    const elements = [
      ...traversal.entities.map((entry) => ({
        data: { id: entry.entity.id, label: entry.entity.id, depth: entry.depth },
        classes: entry.entity.id === center ? 'center' : '',
      })),
      ...traversal.relationships.map((relationship) => ({
        data: {
          id: relationship.id,
          source: relationship.from.id,
          target: relationship.to.id,
          label: relationship.type,
        },
      })),
    ];
    this.cy?.destroy();
    const cy = cytoscape({
      container: this.container,
      elements,
      // Force-directed: a neighbourhood has no order of its own to show.
      layout: { name: 'cose', animate: false, padding: 24, nodeDimensionsIncludeLabels: true },
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 10,
            'background-color': '#64748b',
            color: '#0f172a',
            'text-valign': 'bottom',
            'text-margin-y': 4,
          },
        },
        {
          selector: 'node.center',
          style: { 'background-color': '#2563eb', width: 34, height: 34 },
        },
        {
          selector: 'edge',
          style: {
            label: 'data(label)',
            'font-size': 8,
            width: 1.5,
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'line-color': '#94a3b8',
            'target-arrow-color': '#94a3b8',
            color: '#475569',
          },
        },
      ],
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (event) => void this.show(String(event.target.id())));
    this.cy = cy;
  }
}
