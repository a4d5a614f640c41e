// What every channel does with a delivery before the core sees it, written once: the workspace
// allowlist and deduplication. Signatures and tokens are the adapters' (they differ per channel)
// and come first: nothing is written for a request that is not authenticated.
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

const MARKS = 'deliveries';
/** A delivery being answered holds its keys this long; an instance that dies mid-turn lets them go. */
export const LEASE_MS = 30_000;
/** An answered delivery's keys are kept this long: channels redeliver within minutes (Slack: 5). */
export const ANSWERED_MS = 60 * 60_000;

export interface Delivery {
  /** The channel's name (keys of different channels never meet). */
  channel: string;
  /** Every id the channel gives this delivery (event id, message id…); a retry repeats one. */
  keys: string[];
  /** The tenant or workspace it comes from, for the allowlist. */
  workspace?: string;
}

export type Admission =
  | { admitted: true; /** The turn answered (or failed: a redelivery may then try again). */ finish(answered: boolean): Promise<void> }
  | { admitted: false; reason: 'workspace-not-allowed' | 'duplicate' };

export class Inbound {
  /** allowlists: per channel, the workspaces served; absent or empty serves all. */
  constructor(
    private readonly store: Store,
    private readonly allowlists: Record<string, string[]>,
    private readonly logger: Logger,
  ) {}

  allows(channel: string, workspace: string | undefined): boolean {
    const allowed = this.allowlists[channel] ?? [];
    return allowed.length === 0 || (workspace !== undefined && allowed.includes(workspace));
  }

  /**
   * Admits a delivery once: all its keys are claimed in one store operation with a lease, marked
   * answered once the turn is done, released if it failed, so that a redelivery after a crash or an
   * error is answered rather than skipped.
   */
  async admit(delivery: Delivery): Promise<Admission> {
    if (!this.allows(delivery.channel, delivery.workspace)) {
      this.logger.warn({ event: 'workspace-refused', channel: delivery.channel }, 'a delivery from a workspace not on the allowlist was ignored');
      return { admitted: false, reason: 'workspace-not-allowed' };
    }
    const keys = delivery.keys.filter(Boolean).map((k) => `${delivery.channel}:${k}`);
    if (keys.length > 0 && !(await this.store.claim(MARKS, keys, LEASE_MS))) {
      this.logger.info({ event: 'redelivery-skipped', channel: delivery.channel }, 'a delivery already answered or being answered was skipped');
      return { admitted: false, reason: 'duplicate' };
    }
    return {
      admitted: true,
      finish: async (answered) => {
        if (keys.length === 0) return;
        if (answered) await this.store.hold(MARKS, keys, ANSWERED_MS);
        else await this.store.release(MARKS, keys);
      },
    };
  }
}
