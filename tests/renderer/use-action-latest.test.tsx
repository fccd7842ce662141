// useAction calls the closure of the LAST render, even when the action runs before the browser has painted that render
// (Preact runs passive effects after paint): a key press right after typing must not send what was typed before.
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { useAction } from '../../renderer/src/ui/useAction';
import { cleanup, render } from './harness';

afterEach(cleanup);

it('runs with the value of the last render, not of the render before it', async () => {
  const sent: string[] = [];
  let type!: (text: string) => void;
  let submit!: () => Promise<unknown>;
  function Field() {
    const [text, setText] = useState('');
    const add = useAction(async () => void sent.push(text));
    type = setText;
    submit = add.run;
    return <output>{text}</output>;
  }
  const el = await render(<Field />);
  // Outside `act`: the render happens on its own schedule, then the submit follows at once — no paint in between.
  type('robin@ourco.com.ics');
  await Promise.resolve();
  await Promise.resolve();
  expect(el.textContent).toBe('robin@ourco.com.ics'); // rendered…
  await submit(); // …and submitted before any paint
  expect(sent).toEqual(['robin@ourco.com.ics']);
});
