/**
 * The system patterns every Nexus has (from the seed documents, in our step vocabulary).
 * Created at start-up when missing; an admin's later edits are never overwritten.
 */

import type { Step } from './pattern.js';
import type { CreatePatternCommand } from './pattern-input.js';

const step = (
  partial: Omit<Step, 'retries' | 'timeoutMs' | 'dependsOn'> & Partial<Step>,
): Step => ({
  dependsOn: [],
  retries: 0,
  timeoutMs: null,
  ...partial,
});

export const USER_ONBOARDING: CreatePatternCommand = {
  id: 'user_onboarding',
  name: 'User Onboarding Flow',
  description: 'Creates a new user with wallet and referral relationships',
  origin: 'SYSTEM',
  category: 'USER',
  transactional: true,
  isActive: true,
  metadata: { criticality: 'high', audit: true },
  steps: [
    step({
      id: 'store_user',
      type: 'CACHE',
      action: 'set',
      // The record belongs to whoever onboards: another caller's input cannot overwrite it.
      parameters: { key: 'user:{viewer.key}:{id}', value: '{user_data}', ttl: 86_400 },
      retries: 3,
      timeoutMs: 10_000,
    }),
    step({
      id: 'create_wallet',
      type: 'RELATIONSHIP',
      action: 'create',
      parameters: {
        from: 'user:{id}',
        to: 'wallet:{wallet_id}',
        type: 'OWNER',
        metadata: { wallet_type: 'primary' },
      },
      dependsOn: ['store_user'],
      retries: 2,
      timeoutMs: 5_000,
    }),
    step({
      id: 'link_referrer',
      type: 'RELATIONSHIP',
      action: 'create',
      parameters: {
        from: 'user:{referrer_id}',
        to: 'user:{id}',
        type: 'LINKED',
        metadata: { relation: 'referral' },
      },
      dependsOn: ['store_user'],
      retries: 2,
      timeoutMs: 5_000,
    }),
    step({
      id: 'announce',
      type: 'EVENT',
      action: 'publish',
      parameters: { event_type: 'user_created', payload: { user_id: '{id}' } },
      dependsOn: ['create_wallet', 'link_referrer'],
    }),
  ],
};

export const FINANCIAL_TRANSACTION: CreatePatternCommand = {
  id: 'financial_transaction',
  name: 'Financial Transaction Flow',
  description: 'Handles a financial transaction between users',
  origin: 'SYSTEM',
  category: 'FINANCE',
  transactional: true,
  isActive: true,
  metadata: { criticality: 'high', audit: true },
  steps: [
    step({
      id: 'find_path',
      type: 'GRAPH',
      action: 'find_path',
      parameters: { from: '{from}', to: '{to}', max_depth: 3 },
      timeoutMs: 5_000,
    }),
    step({
      id: 'record_transfer',
      type: 'RELATIONSHIP',
      action: 'create',
      parameters: {
        from: '{from}',
        to: '{to}',
        type: 'LINKED',
        metadata: { transaction_type: 'transfer', amount: '{amount}' },
      },
      dependsOn: ['find_path'],
      retries: 2,
      timeoutMs: 5_000,
    }),
    step({
      id: 'announce',
      type: 'EVENT',
      action: 'publish',
      parameters: { event_type: 'transaction_completed', payload: { from: '{from}', to: '{to}' } },
      dependsOn: ['record_transfer'],
    }),
  ],
};

export const SYSTEM_PATTERNS: readonly CreatePatternCommand[] = [
  USER_ONBOARDING,
  FINANCIAL_TRANSACTION,
];
