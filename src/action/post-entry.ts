import { cleanup } from './post.js';

void cleanup();
