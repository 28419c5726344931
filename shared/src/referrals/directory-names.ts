/**
 * A provider or service name as the directory stores and compares it: trimmed, with each run of
 * spaces, tabs or line breaks inside it made one space, so "heatons  money advice" (typed with two
 * spaces) is the "Heatons Money Advice" already listed once capitals are set aside too.
 */
export function directoryName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
