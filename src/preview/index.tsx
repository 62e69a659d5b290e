/**
 * The local preview page's entry (preview.html, `npm start` → https://localhost:3000/preview.html):
 * the add-in's task pane on the in-memory Excel host, through Microsoft's Office.js client (loaded
 * by preview.html), with no Office host and no network.
 */
import { createRoot } from 'react-dom/client';
import { PreviewApp } from './PreviewApp';
import { previewParams } from './params';

const container = document.getElementById('preview');
if (container === null) throw new Error('preview.html has no element with id "preview"');
createRoot(container).render(<PreviewApp params={previewParams(window.location.search)} />);
