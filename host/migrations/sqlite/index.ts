import * as migration_20261129_032019_initial from './20261129_032019_initial';

export const migrations = [
  {
    up: migration_20261129_032019_initial.up,
    down: migration_20261129_032019_initial.down,
    name: '20261129_032019_initial'
  },
];
