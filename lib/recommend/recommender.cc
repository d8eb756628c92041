// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Recommender::Create (per-catalog preparation) and Recommend: compile the
// request (constraints, critiques, terms), select the candidates, score,
// shortlist, explain; or, when nothing fits, diagnose and propose.

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "recommend/constraints.h"
#include "recommend/critique.h"
#include "recommend/explain.h"
#include "recommend/ladder.h"
#include "recommend/probe.h"
#include "recommend/reasons.h"
#include "recommend/relax.h"
#include "recommend/rep.h"
#include "recommend/scoring.h"
#include "recommend/shortlist.h"
#include "recommend/text.h"

namespace chatcart {
namespace {

using recommend::HardConstraint;
using recommend::Lang;

// An attribute the options name: must be a NUMBER when present. A default
// name that the catalog lacks switches the feature off; a name the host chose
// must exist.
absl::Status FindNumberAttribute(const Catalog& catalog, const std::string& name,
                                 const std::string& default_name, std::string_view option,
                                 std::optional<AttributeId>* out) {
  if (name.empty()) return absl::OkStatus();
  std::optional<AttributeId> a = catalog.FindAttribute(name);
  if (!a) {
    if (name == default_name) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrCat("RecommenderOptions.", ToAbsl(option), ": \"",
                                                   name, "\" is not an attribute of catalog \"",
                                                   ToAbsl(catalog.name()), "\""));
  }
  if (catalog.attributes()[*a].type != AttributeType::kNumber) {
    return absl::InvalidArgumentError(
        absl::StrCat("RecommenderOptions.", ToAbsl(option), ": \"", name, "\" is ",
                     ToAbsl(AttributeTypeName(catalog.attributes()[*a].type)), ", not a number"));
  }
  *out = a;
  return absl::OkStatus();
}

absl::Status CheckOptions(const RecommenderOptions& o) {
  for (const auto& [name, value] :
       {std::pair<const char*, double>{"rating_prior_reviews", o.rating_prior_reviews},
        {"rating_weight", o.rating_weight},
        {"price_fit_weight", o.price_fit_weight},
        {"similarity_weight", o.similarity_weight},
        {"merchant_weight", o.merchant_weight},
        {"diversity", o.diversity}}) {
    if (!(value >= 0) || !std::isfinite(value)) {
      return absl::InvalidArgumentError(
          absl::StrCat("RecommenderOptions.", name, ": ", value, " must be >= 0"));
    }
  }
  if (!(o.merchant_cap >= 0 && o.merchant_cap <= 0.5)) {
    return absl::InvalidArgumentError(
        absl::StrCat("RecommenderOptions.merchant_cap: ", o.merchant_cap, " must be in 0..0.5"));
  }
  if (!(o.around_tolerance >= 0 && o.around_tolerance <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "RecommenderOptions.around_tolerance: ", o.around_tolerance, " must be in 0..1"));
  }
  if (!(o.missing_utility >= 0 && o.missing_utility <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "RecommenderOptions.missing_utility: ", o.missing_utility, " must be in 0..1"));
  }
  for (const NamedPreference& np : o.preferences) {
    if (np.name.empty() || np.attributes.empty() ||
        (np.kind != PreferenceKind::kMaximize && np.kind != PreferenceKind::kMinimize)) {
      return absl::InvalidArgumentError(
          absl::StrCat("RecommenderOptions.preferences: \"", np.name,
                       "\" needs a name, attributes and kind kMaximize or kMinimize"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

Recommender::Recommender(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Recommender::~Recommender() = default;

const Catalog& Recommender::catalog() const { return *rep_->catalog; }
std::span<const NamedPreference> Recommender::vocabulary() const { return rep_->vocabulary; }

absl::StatusOr<std::shared_ptr<const Recommender>> Recommender::Create(
    std::shared_ptr<const Catalog> catalog, const RecommenderOptions& options) {
  if (!catalog) return absl::InvalidArgumentError("Recommender::Create: no catalog");
  CHATCART_RETURN_IF_ERROR(CheckOptions(options));
  auto rep = std::make_unique<Rep>();
  rep->catalog = std::move(catalog);
  rep->options = options;
  const Catalog& c = *rep->catalog;
  const RecommenderOptions defaults;

  auto builtins = BuiltinPreferences();
  rep->vocabulary.assign(builtins.begin(), builtins.end());
  for (const NamedPreference& np : options.preferences) {
    auto it = std::find_if(rep->vocabulary.begin(), rep->vocabulary.end(),
                           [&](const NamedPreference& v) { return v.name == np.name; });
    if (it != rep->vocabulary.end()) {
      *it = np;
    } else {
      rep->vocabulary.push_back(np);
    }
  }

  CHATCART_RETURN_IF_ERROR(FindNumberAttribute(c, options.review_count_attribute,
                                               defaults.review_count_attribute,
                                               "review_count_attribute", &rep->reviews));
  if (!rep->reviews && options.review_count_attribute == defaults.review_count_attribute) {
    CHATCART_RETURN_IF_ERROR(FindNumberAttribute(c, "review_count", "review_count",
                                                 "review_count_attribute", &rep->reviews));
  }
  CHATCART_RETURN_IF_ERROR(FindNumberAttribute(c, options.age_min_attribute,
                                               defaults.age_min_attribute, "age_min_attribute",
                                               &rep->age_min));
  CHATCART_RETURN_IF_ERROR(FindNumberAttribute(c, options.age_max_attribute,
                                               defaults.age_max_attribute, "age_max_attribute",
                                               &rep->age_max));
  CHATCART_RETURN_IF_ERROR(
      FindNumberAttribute(c, options.merchant_attribute, "", "merchant_attribute", &rep->merchant));

  const size_t n = c.size();
  rep->purchasable = ProductSet(n);
  rep->in_stock = ProductSet(n);
  rep->category_of.resize(n);
  rep->group_of.resize(n);
  std::span<const int64_t> prices = c.price_column();
  for (ProductIndex i = 0; i < n; ++i) {
    const Product p = c.product(i);
    rep->category_of[i] = p.category;
    rep->group_of[i] = c.Variants(i).front();
    if (prices[i] == Catalog::kNoPrice) continue;
    rep->purchasable.Insert(i);
    if (!p.stock || *p.stock > 0) rep->in_stock.Insert(i);
  }

  // Ratings shrunk toward the mean by review count (a Bayesian average).
  const NumberColumn& ratings = c.rating_column();
  if (ratings.count() > 0) {
    double sum = 0;
    ratings.ForEach([&](ProductIndex, double r) { sum += r; });
    const double mean = sum / static_cast<double>(ratings.count());
    rep->rating_mean = mean;
    rep->shrunk_rating.assign(n, static_cast<float>(mean));
    const double m = options.rating_prior_reviews;
    ratings.ForEach([&](ProductIndex i, double r) {
      if (!rep->reviews) {
        rep->shrunk_rating[i] = static_cast<float>(r);
        return;
      }
      const double reviews = std::max(0.0, c.number_column(*rep->reviews).Get(i).value_or(0));
      rep->shrunk_rating[i] = reviews + m > 0
                                  ? static_cast<float>((reviews * r + m * mean) / (reviews + m))
                                  : static_cast<float>(mean);
    });
  }
  return std::shared_ptr<const Recommender>(new Recommender(std::move(rep)));
}

absl::StatusOr<Recommendation> Recommender::Recommend(const RecommendRequest& request) const {
  const Rep& rep = *rep_;
  const Catalog& c = *rep.catalog;
  CHATCART_ASSIGN_OR_RETURN(Lang lang, recommend::ParseLang(request.locale));
  if (request.top < 1 || request.top > 100) {
    return absl::InvalidArgumentError(absl::StrCat("top: ", request.top, " is outside 1..100"));
  }
  Recommendation out;
  out.locale = std::string(text::LanguageCode(lang));

  // The request, compiled: every error before any work.
  CHATCART_ASSIGN_OR_RETURN(std::vector<HardConstraint> constraints,
                            recommend::CompileConstraints(rep, request));
  std::optional<ProductIndex> reference;
  std::vector<Preference> extra;
  if (!request.reference.empty()) {
    reference = c.FindById(request.reference);
    if (!reference) {
      return absl::InvalidArgumentError(
          absl::StrCat("reference \"", request.reference, "\": no product with that id"));
    }
    CHATCART_RETURN_IF_ERROR(
        recommend::CompileCritiques(rep, *reference, request.critiques, &constraints, &extra));
  } else if (!request.critiques.empty()) {
    return absl::InvalidArgumentError("critiques: no reference product to critique");
  }
  CHATCART_RETURN_IF_ERROR(recommend::CheckContradictions(constraints));
  CHATCART_ASSIGN_OR_RETURN(std::vector<recommend::Term> terms,
                            recommend::CompileTerms(rep, request, extra));
  // Ids never picked; empty (no universe) when there are none.
  ProductSet excluded;
  if (!request.exclude.empty() || reference) excluded = ProductSet(c.size());
  for (const std::string& id : request.exclude) {
    std::optional<ProductIndex> i = c.FindById(id);
    if (!i) {
      return absl::InvalidArgumentError(
          absl::StrCat("exclude \"", id, "\": no product with that id"));
    }
    excluded.Insert(*i);
  }
  if (reference) excluded.Insert(*reference);
  for (const HardConstraint& h : constraints) {
    AppliedConstraint a;
    a.origin = h.origin;
    a.text = h.Text();
    a.phrase = recommend::Phrase(rep, h, lang);
    a.relaxable = h.relaxable;
    out.constraints.push_back(std::move(a));
  }

  if (c.size() == 0) {
    out.explanation = recommend::Render(lang, recommend::Msg::kEmptyCatalog);
    return out;
  }
  const ProductSet& base = request.in_stock_only ? rep.in_stock : rep.purchasable;
  CHATCART_ASSIGN_OR_RETURN(ProductSet candidates, recommend::SelectAll(rep, constraints, base));
  out.matches = candidates.Count();

  // Other approaches: the request's constraints with its categories swapped
  // for each approach's own, in order, until one has a product.
  std::optional<ProductSet> approach;
  for (size_t a = 0; a < request.other_approaches.size() && !approach; ++a) {
    std::vector<HardConstraint> swapped;
    for (const HardConstraint& h : constraints) {
      if (h.field != recommend::FieldKind::kCategory) swapped.push_back(h);
    }
    for (size_t k = 0; k < request.other_approaches[a].size(); ++k) {
      const std::string context = absl::StrCat("other_approaches[", a, "][", k, "]");
      absl::StatusOr<Constraint> parsed = Constraint::Parse(request.other_approaches[a][k]);
      if (!parsed.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(context, ": ", parsed.status().message()));
      }
      CHATCART_ASSIGN_OR_RETURN(HardConstraint h,
                                recommend::ResolveConstraint(rep, *std::move(parsed),
                                                             AppliedConstraint::kWhere, context));
      swapped.push_back(std::move(h));
    }
    CHATCART_ASSIGN_OR_RETURN(ProductSet s, recommend::SelectAll(rep, swapped, base));
    s.Subtract(candidates);
    if (excluded.universe() > 0) s.Subtract(excluded);
    if (!s.empty()) approach = std::move(s);
  }
  // Scored against the main candidates' ranges when there are any, so its
  // score compares with the picks'; else among its own kind.
  recommend::Scored scored;
  auto fill_other_approach = [&]() {
    if (!approach) return;
    recommend::Scored own;
    recommend::ScoreCandidates(rep, terms, *approach, &own);
    size_t best = 0;
    for (size_t k = 1; k < own.products.size(); ++k) {
      if (own.score[k] > own.score[best]) best = k;
    }
    const ProductIndex i = own.products[best];
    const bool against_main = !scored.products.empty();
    std::vector<float> u(terms.size());
    for (size_t t = 0; t < terms.size(); ++t) {
      u[t] =
          against_main ? recommend::UtilityOf(rep, terms[t], scored, t, i) : own.Utility(t, best);
    }
    recommend::ReasonContext ctx{rep,  request,  constraints, terms, against_main ? scored : own,
                                 lang, reference};
    Pick pick = recommend::MakePick(ctx, i, u);
    recommend::AddOtherApproachReason(ctx, &pick);
    out.other_approach = std::move(pick);
  };

  if (candidates.empty()) {
    CHATCART_ASSIGN_OR_RETURN(recommend::Diagnosis diagnosis,
                              recommend::Diagnose(rep, constraints, base));
    recommend::ExplainEmpty(rep, constraints, diagnosis, lang, &out);
    fill_other_approach();
    return out;
  }
  if (excluded.universe() > 0) candidates.Subtract(excluded);
  if (candidates.empty()) {
    out.explanation = recommend::Render(lang, recommend::Msg::kAllShown);
    fill_other_approach();
    return out;
  }

  recommend::ScoreCandidates(rep, terms, candidates, &scored);
  const size_t n = scored.products.size();
  const std::vector<QualityAttribute> quality = recommend::QualityOf(rep, scored);
  // "Around": the prices within the tolerance come first.
  std::vector<uint8_t> rank_class;
  const std::optional<Money>& around = request.budget.around;
  if (around && std::find(c.currencies().begin(), c.currencies().end(), around->currency()) !=
                    c.currencies().end()) {
    rank_class.assign(n, 1);
    const double target = static_cast<double>(around->minor_units());
    for (size_t k = 0; k < n; ++k) {
      const int64_t p = c.price_column()[scored.products[k]];
      if (p != Catalog::kNoPrice &&
          std::abs(static_cast<double>(p) - target) <= rep.options.around_tolerance * target) {
        rank_class[k] = 0;
      }
    }
  }
  // The ladder, when the shopper gave a budget's top and nothing else to go by.
  std::optional<recommend::Ladder> ladder;
  const bool nothing_else = request.prefer.empty() && !reference && !around;
  if (request.budget.max && request.ladder != LadderMode::kOff &&
      (request.ladder == LadderMode::kOn ||
       (nothing_else && n >= rep.options.ladder_min_matches))) {
    ladder = recommend::BuildLadder(rep, scored, request.budget.max->minor_units());
    if (ladder && ladder->steps.size() < 2) ladder.reset();
  }
  std::vector<size_t> fixed;
  if (ladder) {
    for (const recommend::LadderStep& step : ladder->steps) fixed.push_back(step.candidate);
    fixed.insert(fixed.end(), ladder->fill.begin(), ladder->fill.end());
  }
  const recommend::Shortlist shortlist =
      recommend::SelectShortlist(rep, scored, request.top, fixed, rank_class);
  recommend::ReasonContext ctx{rep, request, constraints, terms, scored, lang, reference, quality};
  std::vector<float> u(terms.size());
  for (size_t k : shortlist.picks) {
    for (size_t t = 0; t < terms.size(); ++t) u[t] = scored.Utility(t, k);
    out.picks.push_back(recommend::MakePick(ctx, scored.products[k], u));
    if (!ladder) continue;
    for (const recommend::LadderStep& step : ladder->steps) {
      if (step.candidate == k) recommend::AddLadderReason(ctx, *ladder, step.tier, &out.picks.back());
    }
  }
  out.ladder = ladder.has_value();
  out.alternative = shortlist.alternative;
  if (shortlist.alternative >= 0) {
    out.picks[static_cast<size_t>(shortlist.alternative)].alternative = shortlist.alternative_flags;
  }
  recommend::AddComparisons(ctx, shortlist.alternative, shortlist.alternative_flags, &out.picks);
  for (Pick& pick : out.picks) {
    if (pick.reasons.empty()) recommend::AddPriceRank(ctx, &pick);
  }
  if (request.probe_at > 0 && out.matches >= request.probe_at && request.prefer.empty() &&
      !reference) {
    out.question = recommend::ProbingQuestion(rep, scored.products, constraints, lang);
  }
  if (shortlist.alternative < 0 && request.top >= 2 && !out.picks.empty()) {
    const Pick& first = out.picks[0];
    // "Every product that fits is from X" only when each is; products
    // without a brand leave only "nothing costs less".
    bool one_brand = !first.brand.empty();
    for (ProductIndex j : scored.products) {
      one_brand = one_brand && (c.brand_code(j) == c.brand_code(first.product) ||
                                recommend::SameProduct(rep, j, first.product));
    }
    out.explanation =
        scored.products.size() == 1
            ? recommend::Render(lang, recommend::Msg::kOnlyOne, {{"first", first.name}})
        : one_brand ? recommend::Render(lang, recommend::Msg::kNoAlternative,
                                        {{"first", first.name}, {"brand", first.brand}})
                    : recommend::Render(lang, recommend::Msg::kNoCheaper, {{"first", first.name}});
  }
  fill_other_approach();
  return out;
}

}  // namespace chatcart
