// Runs in the renderer: the review window (home).
import { mount } from '../ui/mount';
import { ReviewApp } from './ReviewApp';
import './review.css';

mount(ReviewApp);
