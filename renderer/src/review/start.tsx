// Runs in the renderer: the review window's app, loaded by the entry (main.tsx) after it has asked for Today.
import { mount } from '../ui/mount';
import { ReviewApp } from './ReviewApp';
import './review.css';

mount(ReviewApp);
