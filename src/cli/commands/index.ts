/** Every command, in the order `newsgraph --help` lists them. */
import type { Command } from 'commander';
import { register as extract } from './extract.js';
import { register as entities } from './entities.js';
import { register as mentions } from './mentions.js';
import { register as load } from './load.js';
import { register as query } from './query.js';
import { register as summarize } from './summarize.js';
import { register as viz } from './viz.js';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [extract, entities, mentions, summarize, viz, load, query];
