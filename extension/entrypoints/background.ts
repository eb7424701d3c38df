import { startBackground } from '../background/start';

export default defineBackground(() => startBackground());
