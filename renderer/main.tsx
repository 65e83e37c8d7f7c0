// Entry of the console page.
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { Root } from './app/Root';
import './styles.css';

// The window's CSP forbids eval; tell zod not to try it.
z.config({ jitless: true });

const container = document.getElementById('root');
if (container) createRoot(container).render(<Root />);
