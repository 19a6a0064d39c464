import { useState, useId } from 'react';
import type { Channel, Decision } from '../../utils/checklist/decisions';
import { valueKey } from '../../utils/checklist/decisions';
import type { DecisionItem } from '../../utils/checklist/items';
import { Button } from '../ui/Button';
import { ChoiceSelect } from './ChoiceSelect';

export interface ChannelActions {
  addChannel(name: string): void;
  renameChannel(channelId: string, name: string): void;
  removeChannel(channelId: string): void;
}

/** Cin7's "Sale channel sync type" table: one row per sales channel, a sync type per column. */
export function ChannelTable({
  item,
  decision,
  channels,
  onChoice,
  channelActions,
}: {
  item: DecisionItem;
  decision: Decision | undefined;
  channels: readonly Channel[];
  onChoice(fieldId: string, value: string, channelId: string): void;
  channelActions: ChannelActions;
}) {
  const [newName, setNewName] = useState('');
  const newId = useId();
  return (
    <div>
      <table className="mg-table">
        <caption className="mg-visually-hidden">{item.title}: sync type per sales channel</caption>
        <thead>
          <tr>
            <th scope="col">Sales channel</th>
            {item.fields.map((field) => (
              <th key={field.id} scope="col">
                {field.label}
              </th>
            ))}
            <th scope="col">
              <span className="mg-visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id}>
              <th scope="row">
                <input
                  aria-label={`Sales channel name (${channel.name || channel.id})`}
                  value={channel.name}
                  onChange={(event) => channelActions.renameChannel(channel.id, event.target.value)}
                />
              </th>
              {item.fields.map((field) => (
                <td key={field.id}>
                  <ChoiceSelect
                    hideLabel
                    label={`${field.label} for ${channel.name || channel.id}`}
                    choices={field.choices}
                    value={decision?.values[valueKey(field.id, channel.id)]}
                    onChange={(value) => onChoice(field.id, value, channel.id)}
                  />
                </td>
              ))}
              <td>
                <Button
                  size="small"
                  disabled={channels.length <= 1}
                  aria-label={`Remove channel ${channel.name || channel.id}`}
                  onClick={() => channelActions.removeChannel(channel.id)}
                >
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="mg-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!newName.trim()) return;
          channelActions.addChannel(newName);
          setNewName('');
        }}
      >
        <label htmlFor={newId}>New sales channel</label>{' '}
        <input id={newId} value={newName} onChange={(event) => setNewName(event.target.value)} placeholder="e.g. Shopify" />{' '}
        <Button type="submit" size="small">
          Add channel
        </Button>
      </form>
    </div>
  );
}
