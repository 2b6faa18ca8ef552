// Names for prepared statements: one per statement text, the same on every connection of a store.
/** Distinct statements prepared at most; past this a statement runs unnamed (parsed each time). */
export const MAX_PREPARED_STATEMENTS = 500;

export class StatementNames {
  private readonly names = new Map<string, string>();
  constructor(private readonly prefix: string) {}

  /** The text's name, or null when the set is full. */
  nameOf(sql: string): string | null {
    let name = this.names.get(sql);
    if (name) return name;
    if (this.names.size >= MAX_PREPARED_STATEMENTS) return null;
    name = `${this.prefix}${this.names.size + 1}`;
    this.names.set(sql, name);
    return name;
  }
}
