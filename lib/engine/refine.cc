// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Critiques of the products shown, as the recommender reads them: "anything
// cheaper?" is `cheaper` relative to the first pick (or the product the
// shopper pointed at), "another brand" `other_brand`, "more storage"
// `more:storage`, "niente lego" a hard constraint "brand!=Brickville" or
// "interests!=building", "more like the second one" `more_like` relative to
// it. What the catalog cannot answer (an attribute it does not have, a word
// it does not know) is left out; Refine says so by returning false.

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "converse/acts.h"
#include "common/strings.h"
#include "engine/commerce.h"
#include "engine/product_words.h"

namespace chatcart::engine {
namespace {

using converse::ActKind;

void AddCritique(std::vector<std::string>* critiques, const std::string& critique) {
  // The opposite goes: "cheaper" after "better" is cheaper, not both.
  auto drop = [&](std::string_view other) {
    critiques->erase(std::remove(critiques->begin(), critiques->end(), other), critiques->end());
  };
  if (critique == "cheaper") drop("more:price");
  if (critique == "more:price") drop("cheaper");
  if (std::find(critiques->begin(), critiques->end(), critique) == critiques->end()) {
    critiques->push_back(critique);
  }
}

}  // namespace

bool CommerceExecutor::Refine(const dialogue::Understanding& u,
                              const std::vector<std::string>& shown,
                              dialogue::ShownContext* context) const {
  if (engine_.catalog == nullptr || engine_.recommender == nullptr || shown.empty()) return false;
  const Catalog& catalog = *engine_.catalog;
  std::vector<std::string> critiques = context->critiques;
  std::vector<std::string> where = context->where;
  bool understood = false;

  // What the critique is relative to: the product pointed at, else the
  // first one shown.
  std::string reference = shown.front();
  dialogue::ProductReference pointed = ResolveReference(u, shown, {}, "", /*catalog_wide=*/false);
  if (!pointed.id.empty()) reference = pointed.id;

  if (u.Has(ActKind::kCheaper)) {
    AddCritique(&critiques, "cheaper");
    understood = true;
  }
  if (u.Has(ActKind::kPricier)) {
    AddCritique(&critiques, "more:price");
    understood = true;
  }
  if (u.Has(ActKind::kOtherBrand)) {
    AddCritique(&critiques, "other_brand");
    understood = true;
  }
  if (u.Has(ActKind::kMoreLike)) {
    AddCritique(&critiques, "more_like");
    understood = true;
  }
  if (u.Has(ActKind::kSomethingElse)) understood = true;  // the next best, unseen
  for (const converse::Act& act : u.acts) {
    if (act.kind != ActKind::kMoreOf && act.kind != ActKind::kLessOf) continue;
    std::optional<std::string> critique =
        CritiqueFor(*engine_.catalog_words, act.arg, act.kind == ActKind::kMoreOf);
    if (critique.has_value()) {
      AddCritique(&critiques, *critique);
      understood = true;
    }
  }
  for (const converse::Act& act : u.acts) {
    if (act.kind != ActKind::kExclude) continue;
    std::optional<std::string> constraint = ExclusionFor(catalog, act.arg, shown);
    if (constraint.has_value()) {
      if (std::find(where.begin(), where.end(), *constraint) == where.end()) {
        where.push_back(*constraint);
      }
      understood = true;
    }
  }
  if (!understood) return false;
  context->critiques = std::move(critiques);
  context->where = std::move(where);
  context->reference = reference;
  return true;
}

}  // namespace chatcart::engine
