// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Overlap resolution: of the candidates the recognizers proposed, keeps a
// set in which no byte belongs to two, choosing greedily the highest
// priority, then the longest span, then the earliest, then the first
// proposed (so the result is deterministic). Thread-safe.

#ifndef CHATCART_ENTITIES_RESOLVE_H_
#define CHATCART_ENTITIES_RESOLVE_H_

#include <vector>

#include "entities/scan.h"

namespace chatcart::entities {

// Reorders *candidates and keeps the winners, in text order.
void Resolve(std::vector<Candidate>* candidates);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_RESOLVE_H_
