import * as migration_20261129_032022_initial from './20261129_032022_initial';

export const migrations = [
  {
    up: migration_20261129_032022_initial.up,
    down: migration_20261129_032022_initial.down,
    name: '20261129_032022_initial'
  },
];
