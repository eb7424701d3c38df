import { render } from 'preact';
render(<p>Statuspage toolkit</p>, document.getElementById('app')!);
