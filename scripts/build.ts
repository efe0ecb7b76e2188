/**
 * The whole build, run by `npm run build` and by `prepare` (so `npm ci` leaves a clone ready for
 * `npm start`): the server into dist/ (build-server.ts) and the dashboard into dist/dashboard
 * (build-dashboard.ts).
 */
import { buildDashboard } from './build-dashboard.js';
import { buildServer } from './build-server.js';

const started = Date.now();
await buildServer();
const server = Date.now();
await buildDashboard();
const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
console.log(
  `built dist/ in ${seconds(started, server)} s and dist/dashboard in ${seconds(server, Date.now())} s`,
);
