// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Products found by the words of a turn nothing else took: the catalog's
// names, in stock first (CommerceExecutor::SearchCatalog).

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "engine/commerce.h"
#include "engine/product_words.h"
#include "engine/reference_words.h"

namespace chatcart::engine {

absl::StatusOr<bool> CommerceExecutor::SearchCatalog(dialogue::TurnContext& turn, bool by_word) {
  if (engine_.catalog == nullptr) return false;
  const Catalog& catalog = *engine_.catalog;
  std::vector<std::string> named;
  const std::vector<std::string> content = NameWords(turn.understanding(), &named);
  if (content.empty() || (!by_word && content.size() > 8)) return false;
  FindOptions options;
  options.limit = 12;
  options.min_score = 0.6;
  options.one_per_variant_group = true;
  std::vector<NameMatch> matches;
  if (by_word) {
    // One word that names a few products by itself (not a word of every
    // name of a kind: "laptop" alone names them all).
    options.min_score = 0.8;
    // Not the words of the request itself ("print photos", "cadeau"): those
    // started the flow; a product's name said besides it is looked for.
    const dialogue::Understanding& u = turn.understanding();
    std::vector<std::string> asked;
    if (engine_.intents != nullptr && !u.intent.empty()) {
      for (const std::string& w :
           engine_.intents->IntentWords(turn.input().text(), u.intent, u.language)) {
        asked.push_back(PlainWord(w));
      }
    }
    for (const std::string& word : content) {
      if (word.size() < 4 || content.size() > 16 ||
          std::find(asked.begin(), asked.end(), word) != asked.end()) {
        continue;
      }
      std::vector<NameMatch> found = catalog.FindByName(word, options);
      if (found.empty() || found.size() > 4) continue;
      // Products in sizes or colours wait for the flow's questions: a card
      // in another size than the shopper's helps nobody.
      if (std::any_of(found.begin(), found.end(),
                      [&](const NameMatch& m) { return catalog.Variants(m.product).size() > 1; })) {
        continue;
      }
      matches = std::move(found);
      break;
    }
  } else {
    matches = catalog.FindByName(absl::StrJoin(content, " "), options);
  }
  if (matches.empty()) return false;
  // The best few, one per name, close to the best; those in stock first.
  std::vector<ProductIndex> picks;
  std::vector<std::string_view> names;
  const double best = matches.front().score;
  for (const NameMatch& m : matches) {
    if (m.score < best - 0.15) break;
    const std::string_view name = catalog.product_name(m.product);
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    names.push_back(name);
    picks.push_back(m.product);
  }
  std::stable_sort(picks.begin(), picks.end(), [&](ProductIndex a, ProductIndex b) {
    auto in_stock = [&](ProductIndex i) {
      Product p = catalog.product(i);
      return !p.stock.has_value() || *p.stock > 0;
    };
    return in_stock(a) && !in_stock(b);
  });
  if (picks.size() > 3) picks.resize(3);
  v1::Reply* reply =
      turn.Say("chatcart.search_results", {{"count", static_cast<int64_t>(picks.size())}});
  std::vector<std::string> ids;
  for (ProductIndex i : picks) {
    AddProductCard(reply, i, turn);
    ids.emplace_back(catalog.id(i));
  }
  turn.AddEvent("searched", {{"matches", absl::StrCat(picks.size())}});
  if (ids.size() == 1) turn.set_focus(ids.front());
  turn.set_last_shown(std::move(ids));
  return true;
}

}  // namespace chatcart::engine
