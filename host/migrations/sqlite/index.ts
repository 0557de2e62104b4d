import * as migration_20261129_031213_initial from './20261129_031213_initial';

export const migrations = [
  {
    up: migration_20261129_031213_initial.up,
    down: migration_20261129_031213_initial.down,
    name: '20261129_031213_initial',
  },
];
