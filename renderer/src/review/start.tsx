// Runs in the renderer: the review window's app, loaded by the entry (main.tsx) after it has asked for Today. The
// window is often built hidden ahead of time and shown later: its views follow the store's changes only while it is
// on screen, and catch up, Today first, when it is shown (ui/on-screen.ts).
import { holdChangesWhileHidden } from '../ui/on-screen';
import { mount } from '../ui/mount';
import { catchUpToday } from './first-paint';
import { ReviewApp } from './ReviewApp';
import './review.css';

holdChangesWhileHidden(catchUpToday);
mount(ReviewApp);
