// Splitting event type names into words and putting them back together as PascalCase.

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;

/** PascalCase: starts with a capital, letters and digits only, and not shouting (ORDERPLACED). */
export function isPascalCase(name: string): boolean {
  return PASCAL_CASE.test(name) && !(name.length > 4 && name === name.toUpperCase() && /[A-Z]{2}/.test(name));
}

/**
 * Words of a name in any common casing: "OrderPlaced", "order_placed", "ORDER-PLACED",
 * "orderPlaced", "SMSSent" (an acronym stays one word).
 */
export function splitWords(name: string): string[] {
  return name.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g) ?? [];
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "order_placed" -> "OrderPlaced"; all-caps words are lowered first ("ORDER_PLACED" -> "OrderPlaced"). */
export function toPascalCase(name: string): string {
  const shouting = name === name.toUpperCase();
  return splitWords(name)
    .map((word) => capitalize(shouting || (word.length > 1 && word === word.toUpperCase() && /[^A-Za-z0-9]/.test(name)) ? word.toLowerCase() : word))
    .join('');
}
