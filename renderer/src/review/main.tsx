// Runs in the renderer: the review window (home). The entry is deliberately tiny: it starts loading React and the
// review (a separate chunk), then asks the core for Today — the download, the ask and the core's answer overlap
// instead of following each other.
import { askTodayEarly } from './first-paint';

void import('./start');
askTodayEarly();
