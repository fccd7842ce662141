document.getElementById('root')!.textContent = 'wrapup';
