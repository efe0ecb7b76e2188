/**
 * For every step type × action, parameters with one kind of mistake each (required keys left
 * out, a wrong type, a value out of range, an unknown key) and the problems they must draw:
 * the path under the step's `parameters` and a part of the message.
 */
import type { StepType } from '../../src/domain/pattern/pattern.js';

export interface ParameterMistake {
  type: StepType;
  action: string;
  parameters: unknown;
  problems: Array<[path: string, message: string]>;
}

const ops = [{ action: 'get', key: 'k' }];
const unknown = 'is not a parameter of';

export const PARAMETER_MISTAKES: ParameterMistake[] = [
  {
    type: 'CACHE',
    action: 'get',
    parameters: { nope: 1 },
    problems: [
      ['key', 'is required'],
      ['nope', unknown],
    ],
  },
  { type: 'CACHE', action: 'get', parameters: { key: 5 }, problems: [['key', 'must be a string']] },
  {
    type: 'CACHE',
    action: 'get',
    parameters: { key: '' },
    problems: [['key', 'must not be empty']],
  },
  {
    type: 'CACHE',
    action: 'set',
    parameters: { value: 1, expires: 60 },
    problems: [
      ['key', 'is required'],
      ['expires', unknown],
    ],
  },
  {
    type: 'CACHE',
    action: 'set',
    parameters: { key: 'k', ttl: true },
    problems: [['ttl', 'must be a positive number of seconds']],
  },
  {
    type: 'CACHE',
    action: 'set',
    parameters: { key: 'k', ttl: 0 },
    problems: [['ttl', 'must be a positive number of seconds']],
  },
  {
    type: 'CACHE',
    action: 'set',
    parameters: { key: 'k', ttl: '1 week' },
    problems: [['ttl', 'duration like "24h"']],
  },
  {
    type: 'CACHE',
    action: 'delete',
    parameters: { ttl: 5 },
    problems: [
      ['key', 'is required'],
      ['ttl', unknown],
    ],
  },
  {
    type: 'CACHE',
    action: 'delete',
    parameters: { key: ['k'] },
    problems: [['key', 'must be a string']],
  },
  {
    type: 'CACHE',
    action: 'delete',
    parameters: { key: 'k'.repeat(513) },
    problems: [['key', 'at most 512 characters']],
  },
  {
    type: 'PIPELINE',
    action: 'exec',
    parameters: { watch: ['k'] },
    problems: [
      ['ops', 'is required'],
      ['watch', unknown],
    ],
  },
  {
    type: 'PIPELINE',
    action: 'exec',
    parameters: { ops: 'all' },
    problems: [['ops', 'must be a list']],
  },
  {
    type: 'PIPELINE',
    action: 'exec',
    parameters: { ops: [] },
    problems: [['ops', 'at least 1 op']],
  },
  {
    type: 'PIPELINE',
    action: 'exec',
    parameters: {
      ops: [
        { action: 'get' },
        { action: 'set', key: 'k', ttl: -1, extra: 1 },
        { action: 'incr', key: 'k' },
        7,
      ],
    },
    problems: [
      ['ops.0.key', 'is required'],
      ['ops.1.ttl', 'must be a positive number of seconds'],
      ['ops.1.extra', 'is not a key of this object'],
      ['ops.2.action', 'must be get, set or delete'],
      ['ops.3', 'must be an object'],
    ],
  },
  {
    type: 'TRANSACTION',
    action: 'exec',
    parameters: { retries: 1 },
    problems: [
      ['ops', 'is required'],
      ['retries', unknown],
    ],
  },
  {
    type: 'TRANSACTION',
    action: 'exec',
    parameters: { ops, watch: 'k' },
    problems: [['watch', 'must be a list']],
  },
  {
    type: 'TRANSACTION',
    action: 'exec',
    parameters: { ops, watch: Array.from({ length: 101 }, (_, i) => `k${i}`) },
    problems: [['watch', 'at most 100 keys']],
  },
  {
    type: 'RELATIONSHIP',
    action: 'create',
    parameters: { from: 'a', weight: 2 },
    problems: [
      ['to', 'is required'],
      ['type', 'is required'],
      ['weight', unknown],
    ],
  },
  {
    type: 'RELATIONSHIP',
    action: 'create',
    parameters: { from: 1, to: 'b', type: 'LINKED' },
    problems: [['from', 'must be a string']],
  },
  {
    type: 'RELATIONSHIP',
    action: 'create',
    parameters: { from: 'a', to: 'b', type: 'FRIEND' },
    problems: [['type', 'must be one of: OWNER']],
  },
  {
    type: 'RELATIONSHIP',
    action: 'create',
    parameters: { from: 'a', to: 'a', type: 'LINKED' },
    problems: [['to', 'no self-loops']],
  },
  {
    type: 'RELATIONSHIP',
    action: 'create',
    parameters: { from: 'a b', to: 'b', type: 'LINKED' },
    problems: [['from', 'must match']],
  },
  {
    type: 'RELATIONSHIP',
    action: 'delete',
    parameters: { relationship: 'r' },
    problems: [
      ['id', 'is required'],
      ['relationship', unknown],
    ],
  },
  {
    type: 'RELATIONSHIP',
    action: 'delete',
    parameters: { id: 7 },
    problems: [['id', 'must be a string']],
  },
  {
    type: 'RELATIONSHIP',
    action: 'delete',
    parameters: { id: '' },
    problems: [['id', 'must not be empty']],
  },
  {
    type: 'GRAPH',
    action: 'find_path',
    parameters: { from: 'a', depth: 3 },
    problems: [
      ['to', 'is required'],
      ['depth', unknown],
    ],
  },
  {
    type: 'GRAPH',
    action: 'find_path',
    parameters: { from: 'a', to: 'b', max_depth: 'deep' },
    problems: [['max_depth', 'must be an integer']],
  },
  {
    type: 'GRAPH',
    action: 'find_path',
    parameters: { from: 'a', to: 'b', max_depth: 11 },
    problems: [['max_depth', 'between 0 and 10']],
  },
  {
    type: 'GRAPH',
    action: 'traverse',
    parameters: { max_depth: 2, limits: 5 },
    problems: [
      ['from', 'is required'],
      ['limits', unknown],
    ],
  },
  {
    type: 'GRAPH',
    action: 'traverse',
    parameters: { from: 'a', types: 'OWNER' },
    problems: [['types', 'must be a list']],
  },
  {
    type: 'GRAPH',
    action: 'traverse',
    parameters: { from: 'a', limit: 10_001 },
    problems: [['limit', 'between 1 and 10000']],
  },
  {
    type: 'GRAPH',
    action: 'traverse',
    parameters: { from: 'a', direction: 'UP' },
    problems: [['direction', 'one of: OUT, IN, BOTH']],
  },
  {
    type: 'GRAPH',
    action: 'detect_cycles',
    parameters: { max_length: 5 },
    problems: [['max_length', unknown]],
  },
  {
    type: 'GRAPH',
    action: 'detect_cycles',
    parameters: { from: 5 },
    problems: [['from', 'must be a string']],
  },
  {
    type: 'GRAPH',
    action: 'detect_cycles',
    parameters: { limit: 0 },
    problems: [['limit', 'between 1 and 100']],
  },
  {
    type: 'EVENT',
    action: 'publish',
    parameters: { name: 'x' },
    problems: [
      ['event_type', 'is required'],
      ['name', unknown],
    ],
  },
  {
    type: 'EVENT',
    action: 'publish',
    parameters: { event_type: 42 },
    problems: [['event_type', 'must be a string']],
  },
  {
    type: 'EVENT',
    action: 'publish',
    parameters: { event_type: 'e'.repeat(201) },
    problems: [['event_type', 'at most 200 characters']],
  },
  {
    type: 'PATTERN',
    action: 'execute',
    parameters: { input: {}, version: 2 },
    problems: [
      ['pattern_id', 'is required'],
      ['version', unknown],
    ],
  },
  {
    type: 'PATTERN',
    action: 'execute',
    parameters: { pattern_id: ['p'] },
    problems: [['pattern_id', 'must be a string']],
  },
  {
    type: 'PATTERN',
    action: 'execute',
    parameters: { pattern_id: '' },
    problems: [['pattern_id', 'must not be empty']],
  },
  { type: 'DELAY', action: 'wait', parameters: { millis: 1500 }, problems: [['millis', unknown]] },
  {
    type: 'DELAY',
    action: 'wait',
    parameters: { ms: '1500' },
    problems: [['ms', 'must be an integer']],
  },
  {
    type: 'DELAY',
    action: 'wait',
    parameters: { ms: 300_001 },
    problems: [['ms', 'between 0 and 300000']],
  },
  {
    type: 'DELAY',
    action: 'wait',
    parameters: { ms: 1.5 },
    problems: [['ms', 'must be an integer']],
  },
  { type: 'DELAY', action: 'wait', parameters: [1500], problems: [['', 'must be an object']] },
];
