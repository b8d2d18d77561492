/** A user's module: it sends mail, and its tests check that mail through junit-mail-assert. */
module io.github.junitmailassert.it.modulepath {
  requires io.github.junitmailassert;
  exports io.github.junitmailassert.it.modulepath;
}
