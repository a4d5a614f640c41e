// A scheduler process for the crash test: posts due reminders to a Slack stand-in, forever, until
// it is killed. Lease and tick are short so that a killed claim is taken over quickly.
import { WebClient } from '@slack/web-api';
import { SlackDeliverer } from '../../adapters/slack/reminders.js';
import { createLogger } from '../../src/logger.js';
import { Scheduler } from '../../src/reminders/scheduler.js';
import { reminderMessage } from '../../src/reminders/text.js';
import { LowStore } from '../../src/store/lowdb.js';

const store = await LowStore.open(process.env.DATA_DIR!);
const client = new WebClient('xoxb-test', { slackApiUrl: process.env.SLACK_API_URL!, retryConfig: { retries: 0 } });
const scheduler = new Scheduler(store, new Map([['slack', new SlackDeliverer(client)]]), createLogger('silent'), undefined, async (r, d, l) => reminderMessage(r, d, l), 400);
process.stdout.write('ready\n');
for (;;) {
  await scheduler.tick();
  await new Promise((r) => setTimeout(r, 10));
}
