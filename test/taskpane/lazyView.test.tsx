/**
 * lazyView: the one way the pane loads a view in its own chunk (result, register editor, plan
 * import). Its chunk is fetched once for the page, a failed fetch is forgotten so that the retry
 * fetches again, a spinner shows while it arrives, and a failure says so with a retry.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazyView } from '../../src/taskpane/components/lazyView';
import { STRINGS, type Strings } from '../../src/taskpane/strings';

interface ViewProps {
  readonly t: Strings;
  readonly who: string;
}

function View({ who }: ViewProps) {
  return <p>{`Hello ${who}`}</p>;
}

const t = STRINGS.en;
const texts = (s: Strings) => ({ loading: s.loadingResult, failed: s.resultViewFailed });

/** A chunk that fails `failures` times, then loads; `calls` counts the fetches. */
function chunk(failures: number) {
  const state = { calls: 0 };
  const load = () => {
    state.calls += 1;
    return state.calls <= failures
      ? Promise.reject(Object.assign(new Error('Loading chunk 7 failed'), { name: 'ChunkLoadError' }))
      : Promise.resolve(View);
  };
  return { state, load };
}

beforeEach(() => {
  // LoadBoundary logs what it caught, and React logs the error it rethrows.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
});

it('fetches the chunk once for preloads and renders, and passes the props through', async () => {
  const { state, load } = chunk(0);
  const view = lazyView<ViewProps>(load, texts);
  view.preload();
  view.preload();
  const { unmount } = render(<view.Slot t={t} who="Agder" />);
  expect(await screen.findByText('Hello Agder')).toBeInTheDocument();
  unmount();
  render(<view.Slot t={t} who="Vestland" />);
  // The second render shows the view at once: no spinner, no second fetch.
  expect(screen.getByText('Hello Vestland')).toBeInTheDocument();
  expect(state.calls).toBe(1);
});

it('shows the spinner while the chunk arrives', async () => {
  let arrive: (view: typeof View) => void = () => undefined;
  const view = lazyView<ViewProps>(() => new Promise((resolve) => (arrive = resolve)), texts);
  render(<view.Slot t={t} who="Agder" />);
  expect(screen.getByText(t.loadingResult)).toBeInTheDocument();
  await act(async () => arrive(View));
  expect(await screen.findByText('Hello Agder')).toBeInTheDocument();
});

it('forgets a failed preload, so that the slot fetches again', async () => {
  const { state, load } = chunk(1);
  const view = lazyView<ViewProps>(load, texts);
  view.preload();
  await act(async () => undefined);
  render(<view.Slot t={t} who="Agder" />);
  expect(await screen.findByText('Hello Agder')).toBeInTheDocument();
  expect(state.calls).toBe(2);
});

it('says the view could not be fetched, and the retry fetches it again', async () => {
  const { state, load } = chunk(1);
  const view = lazyView<ViewProps>(load, texts);
  render(<view.Slot t={t} who="Agder" />);
  expect(await screen.findByText(t.resultViewFailed)).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: t.retry }));
  expect(await screen.findByText('Hello Agder')).toBeInTheDocument();
  expect(state.calls).toBe(2);
});
