// The bare teams-ai stack `npm run bench:http` compares ours with: the same Application and
// TeamsAdapter on express, without credentials, echoing each message. What ours costs beyond
// this is the price of the assistant itself.
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import express from 'express';

const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
const app = new Application({ adapter, removeRecipientMention: true, startTypingTimer: false });
app.activity('message', async (context) => {
  await context.sendActivity(context.activity.text ?? '');
});
const server = express();
server.post('/api/messages', express.json(), async (req, res) => {
  await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
});
server.get('/healthz', (_req, res) => {
  res.json({ status: 'ok', heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
