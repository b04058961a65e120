/* link_check.c: an empty program linked with every object of one layer and only the layers
** below it (tests/CMakeLists.txt); it links only if no object of the layer calls upward. */
int main(void) {
  return 0;
}
