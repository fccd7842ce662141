// Runs in the renderer: the wrap-up window, which stays until the call's next step is logged or the deal closed out.
import { mount } from '../ui/mount';
import { WrapUpApp } from './WrapUpApp';
import './wrapup.css';

mount(WrapUpApp);
