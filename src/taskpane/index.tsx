import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (container === null) {
    throw new Error('taskpane.html has no element with id "root"');
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
});
