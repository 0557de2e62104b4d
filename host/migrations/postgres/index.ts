import * as migration_20261129_031216_initial from './20261129_031216_initial';

export const migrations = [
  {
    up: migration_20261129_031216_initial.up,
    down: migration_20261129_031216_initial.down,
    name: '20261129_031216_initial',
  },
];
