/** The event feed: newest first, filtered by type in the page (the stream carries every type). */
import { byId, formatTime, h } from './dom.js';
import { EVENT_TYPES, type EventType, type LiveEvent } from './events-api.js';

const KEPT = 500;

export class EventFeed {
  private readonly list = byId<HTMLOListElement>('events');
  private readonly filters = byId<HTMLFieldSetElement>('event-types');
  private readonly shown = new Set<EventType>(EVENT_TYPES);
  private readonly events: LiveEvent[] = [];

  constructor() {
    for (const type of EVENT_TYPES) {
      const box = h('input', { type: 'checkbox', id: `type-${type}`, value: type, checked: true });
      box.addEventListener('change', () => {
        if (box.checked) this.shown.add(type);
        else this.shown.delete(type);
        this.render();
      });
      this.filters.append(h('label', { class: 'check', for: `type-${type}` }, box, ` ${type}`));
    }
  }

  clear(): void {
    this.events.length = 0;
    this.list.replaceChildren();
  }

  add(event: LiveEvent): void {
    this.events.push(event);
    if (this.events.length > KEPT) {
      this.events.shift();
      this.list.lastElementChild?.remove();
    }
    if (this.shown.has(event.type)) this.list.prepend(item(event));
  }

  private render(): void {
    const items = this.events.filter((event) => this.shown.has(event.type)).map(item);
    this.list.replaceChildren(...items.reverse());
  }
}

function item(event: LiveEvent): HTMLLIElement {
  return h(
    'li',
    { class: `event event-${event.type}`, 'data-event-id': event.id, 'data-type': event.type },
    h('span', { class: 'event-type' }, event.type),
    h('time', { datetime: event.occurredAt }, formatTime(event.occurredAt)),
    h('span', { class: 'event-summary' }, summary(event)),
    h('span', { class: 'event-id muted' }, event.id),
  );
}

function summary(event: LiveEvent): string {
  const relationship = event.relationship;
  if (relationship) return `${relationship.from.id} —${relationship.type}→ ${relationship.to.id}`;
  const parts = [event.patternId, event.executionId, event.entityId, event.name].filter(Boolean);
  if (event.change) {
    const stage = event.change.stage;
    parts.push(`${event.change.percent}%${stage ? ` ${stage.name} ${stage.status}` : ' started'}`);
  }
  if (event.error) parts.push(event.error);
  return parts.join(' · ');
}
