// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/dialogue_state.h"

namespace chatcart::dialogue {

uint64_t NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace chatcart::dialogue
