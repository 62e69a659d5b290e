import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
});

/** The task pane. A placeholder for now: later work adds the reconciliation view. */
export function App() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">Plan Reconciler</Title2>
      <Body1>Avstemming av budsjett, finansiering og prosjektregister</Body1>
    </main>
  );
}
