// Same mark as the popup's first drawn data (popup/first-data.ts), so the benchmark compares like with like.
import { markFirstData } from '../../ui/first-data';

markFirstData();
