/** The value of `--name=value` among the command-line flags, if given. */
export function flagValue(args: string[] | undefined, name: string): string | undefined {
  const prefix = `--${name}=`;
  return args?.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** True when the bare flag `--name` was given. */
export function hasFlag(args: string[] | undefined, name: string): boolean {
  return args?.includes(`--${name}`) ?? false;
}
