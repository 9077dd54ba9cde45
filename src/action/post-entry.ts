import '../esm-shim.js';
import { cleanup } from './post.js';

void cleanup();
