import type { Viewer } from './domain/shared/viewer.js';
import { DEV_ADMIN } from './domain/shared/viewer.js';
import type { Services } from './services.js';

/**
 * Per-request context, made fresh for every HTTP request and WebSocket operation, so
 * dataloaders (which the Pothos dataloader plugin keys on this object) never leak across
 * requests.
 */
export interface Context {
  viewer: Viewer;
  services: Services;
  /** For operations over graphql-ws: the connection (yoga merges it in from onSubscribe). */
  socket?: { close(code?: number, reason?: string): void };
}

export interface ContextFactoryOptions {
  services: Services;
}

export function createContextFactory({ services }: ContextFactoryOptions) {
  // Authentication (the security issue) replaces the development admin here.
  return (): Context => ({ viewer: DEV_ADMIN, services });
}
