document.getElementById('root')!.textContent = 'review';
