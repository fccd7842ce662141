// Runs in the renderer: the overlay, a small always-on-top panel during a call.
import { mount } from '../ui/mount';
import { OverlayApp } from './OverlayApp';
import './overlay.css';

mount(OverlayApp);
