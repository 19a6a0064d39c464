// Notifications for scheduled checks (issue #18): one per pair per check, naming the client and the change, only with
// the optional permission granted and outside quiet hours; clicking one opens the pair's report.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenToNotificationClicks, notifyCheck } from '@/utils/background/notifier';
import { pairsItem, settingsItem } from '@/utils/background/state';
import { detectChange } from '@/utils/practice/changes';
import { pair } from './fake-context';

const newErrors = detectChange(
  { keys: [], findings: [] },
  { keys: ['a', 'b'], findings: [{ code: 'ACCOUNT_ARCHIVED', severity: 'error' }, { code: 'LOCK_DATE_AHEAD', severity: 'error' }] },
  'now',
);
const noon = new Date(2026, 11, 5, 12, 0);

let create: ReturnType<typeof vi.fn>;
let granted = true;
beforeEach(async () => {
  granted = true;
  create = vi.fn(async (id: string) => id);
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(create as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => granted) as never);
  await pairsItem.setValue([pair]);
  await settingsItem.setValue({ refreshHours: 6, notify: true, quietFrom: 22, quietTo: 7 });
});

describe('notifyCheck', () => {
  it('raises one notification for the pair naming the client and the change', async () => {
    expect(await notifyCheck(pair.id, newErrors, noon)).toBe(true);
    expect(create).toHaveBeenCalledOnce();
    const [id, options] = create.mock.calls[0]!;
    expect(id).toBe(`mapping-guard-pair:${pair.id}`);
    expect(options).toMatchObject({ title: `Mapping Guard: ${pair.name}`, message: '2 new errors (ACCOUNT_ARCHIVED, LOCK_DATE_AHEAD)' });
  });

  it('stays quiet in quiet hours, without the permission, or when not opted in', async () => {
    expect(await notifyCheck(pair.id, newErrors, new Date(2026, 11, 5, 23, 0))).toBe(false);
    granted = false;
    expect(await notifyCheck(pair.id, newErrors, noon)).toBe(false);
    granted = true;
    await settingsItem.setValue({ refreshHours: 6 });
    expect(await notifyCheck(pair.id, newErrors, noon)).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });

  it('opens the pair’s report when clicked', async () => {
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(fakeBrowser.notifications, 'clear').mockImplementation((async () => true) as never);
    listenToNotificationClicks();
    await fakeBrowser.notifications.onClicked.trigger(`mapping-guard-pair:${pair.id}`);
    expect(open).toHaveBeenCalledWith({ url: expect.stringContaining(`/report.html?pair=${encodeURIComponent(pair.id)}`) });
  });
});
