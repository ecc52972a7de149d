/**
 * Ptengine's page API, the `_pt_sp_2` queue, as pta.js (v1.65.0) reads it. Commands are one
 * comma-joined string (`'setPVTag,/thanks,replace'`) or a string and an object pushed together
 * (`push('setCustomEvent', {eventName})`, `push('setEC', [{pt_category…}])`). The capture records
 * a push of several arguments as one record whose value is the list of arguments.
 *
 * A push is a command to the tag, not a hit: the tag decides what it sends (custom events and
 * e-commerce data only after `setEventReport,true`; a custom event queued before the tag loads
 * is dropped; a queued `setPVTag` renames the automatic page view instead of adding one). So the
 * hits are read from the `/pn`, `/pv`, `/te`, `/ec` requests the tag sends, and a push is shown
 * as the command it is. The legacy tag (cjs.ptengine.com/pta_en.js) takes its account from a
 * `setAccount` push, the one push that names the account.
 */
import type { Decoded, PushDecoder, RawPush } from '../types';
import { decoded } from '../util/decoded';
import { flatten, str } from '../util/json';
import { describe, param } from '../util/params';
import { PTENGINE } from './ptengine-collect';

const NAME = 'Ptengine';

/** What each command asks of the tag, for the panel. */
const COMMANDS: Record<string, string> = {
  setAccount: 'sets the account (legacy tag)',
  setSID: 'sets the account (legacy tag)',
  setDomain: 'lists the domains measured together (more than one enables cross-domain links)',
  setCrossDomainLink: 'decorates links to the other domains with _pt_link',
  setEventReport: 'enables custom events and e-commerce data',
  setPVTag: 'sends a virtual page view (/pv)',
  setCustomEvent: 'sends a custom event (/te) when event reporting is enabled',
  setCustomVarV2: 'sends a custom event with properties (/te) when event reporting is enabled',
  setTrackEvent: 'sends a legacy event (/te) when event reporting is enabled',
  setEC: 'sends e-commerce or user data (/ec) when event reporting is enabled',
  setUser: 'binds an account id to the visitor',
  setEngageEnabled: 'loads the Experience script',
};

/** [command, arguments]: "cmd,a,b" is split on its commas; a list is the arguments of one push. */
export function ptCommand(value: unknown): [string, unknown[]] | undefined {
  if (typeof value === 'string') {
    const [cmd = '', ...rest] = value.split(',');
    return cmd.trim() ? [cmd.trim(), rest] : undefined;
  }
  if (Array.isArray(value) && typeof value[0] === 'string') {
    const [head, ...args] = value as [string, ...unknown[]];
    const [cmd = '', ...inline] = head.split(',');
    return cmd.trim() ? [cmd.trim(), [...inline, ...args]] : undefined;
  }
  return undefined;
}

function decodePtPush(push: RawPush): Decoded | null {
  const cmd = ptCommand(push.value);
  if (!cmd) {
    if (push.value === null || typeof push.value !== 'object') return null;
    // pta.js reads an object as the argument of the command queued just before it.
    return decoded(PTENGINE, NAME, {
      role: 'other',
      requestType: 'Command argument',
      params: describe(flatten(push.value, 'value'), {}, 'Arguments').filter((p) => p.key !== ''),
    });
  }
  const [name, args] = cmd;
  const params = [param('command', 'Command', name, 'General')];
  const meaning = COMMANDS[name];
  if (meaning) params.push(param('meaning', 'What it does', meaning, 'General'));
  params.push(...describe(flatten(args, 'args'), {}, 'Arguments').filter((p) => p.key !== ''));
  if (name === 'setAccount' || name === 'setSID') {
    return decoded(PTENGINE, NAME, { role: 'library', account: str(args[0])?.trim().toLowerCase(), requestType: name, params });
  }
  return decoded(PTENGINE, NAME, { role: 'other', requestType: name, params });
}

export const ptenginePush: PushDecoder = {
  id: PTENGINE,
  name: NAME,
  targets: ['_pt_sp_2'],
  decode: decodePtPush,
};
