/** What the findings list needs to let a finding be explained, or its explanation taken back. */
import type { LiveState, ReviewWriteState } from '../../app/controller';

export interface ReviewHandlers {
  /** The last review write: its progress, refusal or failure is shown at the finding it was about. */
  readonly reviewWrite: ReviewWriteState;
  /** The reviewer's name as remembered on this machine; empty until given. */
  readonly name: string;
  readonly onNameChange: (name: string) => void;
  readonly onExplain: (key: string, reason: string, by: string) => Promise<boolean>;
  readonly onWithdraw: (key: string, by: string) => Promise<boolean>;
  readonly onDismiss: () => void;
}

/** What the result view gets from the pane to review the result, and for live re-check. */
export interface ReviewControls {
  readonly reviewWrite: ReviewWriteState;
  readonly live: LiveState;
  readonly onExplain: (key: string, reason: string, by: string) => Promise<boolean>;
  readonly onWithdraw: (key: string, by: string) => Promise<boolean>;
  readonly onSignOff: (by: string) => Promise<boolean>;
  readonly onDismissReviewWrite: () => void;
  /** Turns live re-check on or off, and remembers the choice. */
  readonly onSetLive: (on: boolean) => void;
  /** "Avstem på nytt", where live re-check cannot be. */
  readonly onReconcile: () => void;
}
