// `npm start` (after the build): serves dist/ and the referral receiver on http://127.0.0.1:4173 (PORT and HOST change
// it). Referrals go to .data/referrals.jsonl (REFERRALS_FILE); REFERRALS_ALLOWED_ORIGINS (comma-separated) lets other
// origins send to it.
import { startAppServer } from './server/app-server';
import { createReferralReceiver } from './server/referrals';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const referrals = createReferralReceiver({
  dataFile: process.env.REFERRALS_FILE,
  allowedOrigins: (process.env.REFERRALS_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
});
const running = await startAppServer({ root: process.env.APP_ROOT ?? 'dist', port, host, referrals });
console.log(`Thriving Communities is running at ${running.url}/ (Ctrl+C to stop)`);
console.log(`Referrals are stored in ${referrals.dataFile}`);
