/**
 * `load`, run once per configuration (its resolved options object, one per Payload config) and
 * shared by every later call; a load that fails is forgotten, so the next call tries again.
 */
export const oncePerConfig = <Context, Options extends object, Value>(
  load: (context: Context, options: Options) => Promise<Value>,
) => {
  const loaded = new WeakMap<Options, Promise<Value>>()
  return (context: Context, options: Options): Promise<Value> => {
    let value = loaded.get(options)
    if (!value) {
      value = load(context, options)
      loaded.set(options, value)
      value.catch(() => loaded.delete(options))
    }
    return value
  }
}
