// `npm start` (after the build): serves dist/ on http://127.0.0.1:4173 (PORT and HOST change it).
import { startAppServer } from './server/app-server';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const running = await startAppServer({ root: process.env.APP_ROOT ?? 'dist', port, host });
console.log(`Thriving Communities is running at ${running.url}/ (Ctrl+C to stop)`);
