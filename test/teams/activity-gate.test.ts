// The shared Teams gate accepts an activity without parsing a copy of it when its shape is plain;
// it must refuse (400) exactly what the activity schema refuses, whatever the body.
import fc from 'fast-check';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { gate } from '../../adapters/teams-shared/activity.js';
import type { Inbound } from '../../src/channels/inbound.js';

/** The schema as the gate states it. */
const activityShape = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  from: z.object({ id: z.string().min(1) }).passthrough(),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  recipient: z.object({ id: z.string().min(1) }).passthrough(),
}).passthrough();

function status(body: unknown): number {
  let code = 200;
  const res = { status: (c: number) => ((code = c), res), json: () => res } as unknown as Response;
  const req = { body, headers: {}, socket: { remoteAddress: '127.0.0.1' } } as unknown as Request;
  const inbound = { allows: () => true } as unknown as Inbound;
  return gate(req, res, false, inbound) ? 200 : code;
}

const account = fc.oneof(fc.record({ id: fc.oneof(fc.constantFrom('29:a', '', 'x'), fc.integer(), fc.constant(null)) }, { requiredKeys: [] }), fc.constant(null), fc.constant([]), fc.string());
const url = fc.oneof(fc.constantFrom('https://smba.trafficmanager.net/emea/', 'http://127.0.0.1:3991/', ' https://a.b/ ', 'not a url', '', 'ftp://x', 'https://', 'http://[::1]:80/'), fc.webUrl(), fc.string());
const activity = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'invoke', ''), fc.integer()),
    id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    serviceUrl: url,
    channelId: fc.oneof(fc.constantFrom('msteams', ''), fc.boolean()),
    from: account,
    conversation: account,
    recipient: account,
    text: fc.string(),
  },
  { requiredKeys: [] },
);

describe('the Teams gate', () => {
  it('refuses exactly what the activity schema refuses', () => {
    fc.assert(
      fc.property(fc.oneof(activity, fc.jsonValue()), (body) => {
        expect(status(body) === 400).toBe(!activityShape.safeParse(body).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a plain activity, again and again from the same service', () => {
    const body = { type: 'message', id: '1', serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams', from: { id: '29:a' }, conversation: { id: 'a:1' }, recipient: { id: '28:b' } };
    expect(status(body)).toBe(200);
    expect(status(body)).toBe(200);
    expect(status({ ...body, serviceUrl: 'nope' })).toBe(400);
  });
});
