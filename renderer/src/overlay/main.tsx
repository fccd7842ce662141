document.getElementById('root')!.textContent = 'overlay';
