// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Lists and negations of values, after the candidates are resolved:
//   - values of one type joined only by "or"/"and" (o, oppure, e; ou, et),
//     commas, '/' or '&', maybe with an article or "in"/"en" after the
//     joiner, are one entity: "nere o blu" -> colour black,blue; "iPhone e
//     un iPad" -> compatibility iphone,ipad (Candidate::values, `either` when
//     an "or" joins them). Colours, sizes, brands, categories and
//     compatibility; products and models stay apart.
//   - a value with a negation right before it ("not red", "no white", "non
//     rosse", "niente Brickville", "tranne il nero", "pas de rouge", "sauf
//     le noir", "anything but pink"; an article or "in"/"de" may come
//     between) is negated, its span starting at the negation. A list joins
//     values said the same way only ("black or white, not red" is a list and
//     a negated value).
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_LISTS_H_
#define CHATCART_ENTITIES_LISTS_H_

#include <vector>

#include "entities/scan.h"

namespace chatcart::entities {

// Colours, sizes, brands, categories, compatibility: the types a list joins.
bool ListType(EntityType type);

// Marks negated candidates (list types, products, models) and joins lists.
// `candidates` are resolved (no overlaps) and in text order; so they stay.
void MarkNegationsAndJoinLists(const Scan& scan, std::vector<Candidate>* candidates);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_LISTS_H_
