// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Recommender::Rep: what a recommender prepares once per catalog (the
// purchasable and in-stock sets, shrunk ratings, per-product categories and
// variant groups, the attributes its options name). Immutable after Create
// and shared read-only across threads.

#ifndef CHATCART_RECOMMEND_REP_H_
#define CHATCART_RECOMMEND_REP_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "chatcart/catalog.h"
#include "chatcart/recommend.h"

namespace chatcart {

struct Recommender::Rep {
  std::shared_ptr<const Catalog> catalog;
  RecommenderOptions options;
  std::vector<NamedPreference> vocabulary;

  ProductSet purchasable;  // has a price
  ProductSet in_stock;     // purchasable, and stock > 0 or not tracked

  // Ratings shrunk toward the catalog mean by review count, per product; the
  // mean for products without a rating. Empty when the catalog has none.
  std::vector<float> shrunk_rating;
  double rating_mean = 0;

  std::optional<AttributeId> reviews, age_min, age_max, merchant;

  std::vector<CategoryId> category_of;  // per product
  std::vector<ProductIndex> group_of;   // the first product of its variant group
};

}  // namespace chatcart

#endif  // CHATCART_RECOMMEND_REP_H_
