package io.neuralbytes.sequence;

/** A set of tokens in [0, V) that remembers insertion order; clearing costs its size, not V. */
final class TokenSet {
  private final boolean[] member;
  private final int[] items;
  private int size;

  TokenSet(int vocab, int capacity) {
    this.member = new boolean[vocab];
    this.items = new int[capacity];
  }

  void clear() {
    for (int n = 0; n < size; n++) {
      member[items[n]] = false;
    }
    size = 0;
  }

  void add(int token) {
    if (!member[token]) {
      member[token] = true;
      items[size++] = token;
    }
  }

  int size() {
    return size;
  }

  int get(int n) {
    return items[n];
  }

  void copyFrom(TokenSet other) {
    clear();
    for (int n = 0; n < other.size; n++) {
      add(other.items[n]);
    }
  }

  int copyTo(int[] out) {
    System.arraycopy(items, 0, out, 0, size);
    return size;
  }
}
