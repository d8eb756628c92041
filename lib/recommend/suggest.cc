// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Recommender::SuggestCritiques: dynamic compound critiques (McCarthy et al.,
// "On the dynamic generation of compound critiques in conversational
// recommender systems", 2004). Each product that meets the request differs
// from the reference in a few ways (cheaper, another brand, more of an
// attribute); the pairs of differences most products share are the critiques
// the catalog supports.

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "recommend/constraints.h"
#include "recommend/rep.h"
#include "recommend/text.h"

namespace chatcart {
namespace {

using recommend::Lang;
using recommend::Msg;

// At most this many numeric attributes of the reference are compared.
constexpr size_t kMaxAttributes = 6;

struct Feature {
  Critique critique;
  int dimension;      // features of one dimension never pair
  std::string label;  // for kMore/kLess
};

std::string FeatureText(const Feature& f, Lang lang) {
  switch (f.critique.kind) {
    case CritiqueKind::kCheaper:
      return recommend::Render(lang, Msg::kSuggestCheaper);
    case CritiqueKind::kOtherBrand:
      return recommend::Render(lang, Msg::kSuggestOtherBrand);
    case CritiqueKind::kMore:
      if (f.critique.attribute == "price") return recommend::Render(lang, Msg::kSuggestDearer);
      return recommend::Render(lang, Msg::kSuggestMore, {{"label", f.label}});
    case CritiqueKind::kLess:
      return recommend::Render(lang, Msg::kSuggestLess, {{"label", f.label}});
    default:
      return f.critique.ToString();
  }
}

}  // namespace

absl::StatusOr<std::vector<CritiqueSuggestion>> Recommender::SuggestCritiques(
    const RecommendRequest& request, int max) const {
  const Rep& rep = *rep_;
  const Catalog& c = *rep.catalog;
  CHATCART_ASSIGN_OR_RETURN(Lang lang, recommend::ParseLang(request.locale));
  if (max < 1 || max > 20) {
    return absl::InvalidArgumentError(absl::StrCat("max: ", max, " is outside 1..20"));
  }
  if (request.reference.empty()) {
    return absl::InvalidArgumentError("reference: critiques need a reference product");
  }
  std::optional<ProductIndex> ref = c.FindById(request.reference);
  if (!ref) {
    return absl::InvalidArgumentError(
        absl::StrCat("reference \"", request.reference, "\": no product with that id"));
  }
  CHATCART_ASSIGN_OR_RETURN(std::vector<recommend::HardConstraint> constraints,
                            recommend::CompileConstraints(rep, request));
  CHATCART_RETURN_IF_ERROR(recommend::CheckContradictions(constraints));
  const ProductSet& base = request.in_stock_only ? rep.in_stock : rep.purchasable;
  CHATCART_ASSIGN_OR_RETURN(ProductSet candidates, recommend::SelectAll(rep, constraints, base));
  candidates.Erase(*ref);
  for (const std::string& id : request.exclude) {
    std::optional<ProductIndex> i = c.FindById(id);
    if (!i) {
      return absl::InvalidArgumentError(
          absl::StrCat("exclude \"", id, "\": no product with that id"));
    }
    candidates.Erase(*i);
  }
  const std::vector<ProductIndex> products = candidates.ToVector();
  std::vector<CritiqueSuggestion> out;
  if (products.empty()) return out;

  // The dimensions: price, brand, and the reference's numeric attributes
  // that most candidates have.
  std::vector<Feature> features;
  auto add = [&](CritiqueKind kind, std::string attribute, int dimension, std::string label) {
    Feature f;
    f.critique.kind = kind;
    f.critique.attribute = std::move(attribute);
    f.dimension = dimension;
    f.label = std::move(label);
    features.push_back(std::move(f));
  };
  const int64_t ref_price = c.price_column()[*ref];
  const uint32_t ref_brand = c.brand_code(*ref);
  add(CritiqueKind::kCheaper, "", 0, "");
  add(CritiqueKind::kMore, "price", 0, "");
  add(CritiqueKind::kOtherBrand, "", 1, "");
  std::vector<std::pair<AttributeId, double>> numbers;
  for (const AttributeInfo& a : c.attributes()) {
    if (numbers.size() >= kMaxAttributes) break;
    if (a.type != AttributeType::kNumber || a.id == rep.reviews || a.id == rep.merchant ||
        a.id == rep.age_min || a.id == rep.age_max) {
      continue;
    }
    std::optional<double> v = c.number_column(a.id).Get(*ref);
    if (!v) continue;
    size_t with = 0;
    for (ProductIndex i : products) with += c.number_column(a.id).Has(i);
    if (with * 2 < products.size()) continue;
    const int dimension = static_cast<int>(2 + numbers.size());
    numbers.push_back({a.id, *v});
    const std::string label(a.LabelIn(text::LanguageCode(lang)));
    add(CritiqueKind::kMore, a.name, dimension, label);
    add(CritiqueKind::kLess, a.name, dimension, label);
  }

  // Each candidate's differences, then the support of every pair.
  std::map<std::pair<size_t, size_t>, size_t> support;
  std::vector<size_t> has;
  for (ProductIndex i : products) {
    has.clear();
    const int64_t p = c.price_column()[i];
    if (ref_price != Catalog::kNoPrice && p != Catalog::kNoPrice) {
      if (p < ref_price) has.push_back(0);
      if (p > ref_price) has.push_back(1);
    }
    if (ref_brand != 0 && c.brand_code(i) != 0 && c.brand_code(i) != ref_brand) has.push_back(2);
    for (size_t k = 0; k < numbers.size(); ++k) {
      std::optional<double> v = c.number_column(numbers[k].first).Get(i);
      if (!v) continue;
      if (*v > numbers[k].second) has.push_back(3 + 2 * k);
      if (*v < numbers[k].second) has.push_back(4 + 2 * k);
    }
    for (size_t a = 0; a < has.size(); ++a) {
      for (size_t b = a + 1; b < has.size(); ++b) {
        if (features[has[a]].dimension != features[has[b]].dimension) ++support[{has[a], has[b]}];
      }
    }
  }
  std::vector<std::pair<std::pair<size_t, size_t>, size_t>> ranked(support.begin(), support.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  // The most widely applicable first, without repeating a feature pair's
  // both halves.
  std::vector<size_t> used;
  for (const auto& [pair, count] : ranked) {
    if (out.size() >= static_cast<size_t>(max)) break;
    const bool seen = std::find(used.begin(), used.end(), pair.first) != used.end() &&
                      std::find(used.begin(), used.end(), pair.second) != used.end();
    if (seen) continue;
    used.push_back(pair.first);
    used.push_back(pair.second);
    CritiqueSuggestion s;
    s.critiques = {features[pair.first].critique, features[pair.second].critique};
    s.matches = count;
    s.text =
        absl::StrCat(FeatureText(features[pair.first], lang), recommend::Render(lang, Msg::kAnd),
                     FeatureText(features[pair.second], lang));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace chatcart
