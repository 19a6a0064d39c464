// The one line an update leaves (an update opens no page): what changed, dismissible.
import type { WhatsNew } from '../../utils/store/whats-new';
import { Button } from '../ui/Button';

export function WhatsNewNote({ note, welcomeUrl, onDismiss }: { note: WhatsNew; welcomeUrl?: string; onDismiss?(): void }) {
  return (
    <p className="mg-callout" role="status" data-testid="whats-new">
      Mapping Guard was updated to {note.version}
      {note.previousVersion ? ` (from ${note.previousVersion})` : ''}. New: a guided set-up
      {welcomeUrl ? (
        <>
          {' '}
          (<a href={welcomeUrl}>open it</a>)
        </>
      ) : null}
      , and these settings in sections with the advanced parts folded.{' '}
      {onDismiss && (
        <Button size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      )}
    </p>
  );
}
