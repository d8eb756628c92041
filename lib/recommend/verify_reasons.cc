// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The Verifier's checks of each pick (verifier.h): its id, name, brand and
// price, and each of its reasons by kind: constraints met, budget, target,
// preferences, rating, comparisons among the picks, trade-offs, the
// alternative, the merchant's, similarity, critiques.

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "recommend/verifier.h"
#include "text/fold.h"

namespace chatcart::claims {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

void Verifier::CheckPick(int p, const Pick& pick) {
  std::optional<ProductIndex> i = c_.FindById(pick.id);
  Check(i && *i == pick.product, p, -1, pick.id, "the pick's id is not its product");
  if (!i || *i != pick.product) return;
  const ProductIndex product = *i;
  Check(pick.name == c_.product_name(product) && pick.brand == BrandOf(product), p, -1, pick.id,
        "the pick's name or brand is not the catalog's");
  std::optional<Money> price = Price(product);
  Check(price.has_value() == pick.price.has_value() && (!price || *price == *pick.price), p, -1,
        pick.id, "the pick's price is not the catalog's");
  if (p >= 0) {
    Check(std::find(fit_.begin(), fit_.end(), product) != fit_.end(), p, -1, pick.id,
          "the pick does not meet the constraints (or is excluded)");
  }
  for (size_t r = 0; r < pick.reasons.size(); ++r) {
    CheckReason(p, static_cast<int>(r), pick, product, pick.reasons[r]);
  }
}

void Verifier::CheckReason(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason) {
  switch (reason.kind) {
    case ReasonKind::kMeets:
      return CheckMeets(p, r, i, reason);
    case ReasonKind::kWithinBudget:
      return CheckWithinBudget(p, r, i, reason);
    case ReasonKind::kNearTarget:
      return CheckNearTarget(p, r, i, reason);
    case ReasonKind::kPreference:
      return CheckPreference(p, r, i, reason);
    case ReasonKind::kRating:
      return CheckRating(p, r, i, reason);
    case ReasonKind::kBestOfPicks:
      return CheckBestOfPicks(p, r, i, reason);
    case ReasonKind::kTradeOff:
      return CheckTradeOff(p, r, i, reason);
    case ReasonKind::kAlternative:
      return CheckAlternativeReason(p, r, pick, i, reason);
    case ReasonKind::kMerchant:
      return CheckMerchant(p, r, pick, i, reason);
    case ReasonKind::kSimilar:
      return CheckSimilar(p, r, i, reason);
    case ReasonKind::kCritique:
      return CheckCritique(p, r, i, reason);
    case ReasonKind::kLadder:
      return CheckLadder(p, r, pick, i, reason);
    case ReasonKind::kSpec:
      return CheckSpec(p, r, i, reason);
    case ReasonKind::kPriceRank:
      return CheckPriceRank(p, r, i, reason);
  }
  Check(false, p, r, reason.text, "unknown reason kind");
}

void Verifier::CheckMeets(int p, int r, ProductIndex i, const Reason& reason) {
  if (reason.subject == "age") {
    std::optional<double> lo, hi;
    if (rep_.age_min) lo = c_.number_column(*rep_.age_min).Get(i);
    if (rep_.age_max) hi = c_.number_column(*rep_.age_max).Get(i);
    const bool fits = req_.age && (!lo || *lo <= *req_.age) && (!hi || *hi >= *req_.age);
    const std::string min = FormatNumber(lo.value_or(0), lang_);
    const std::string da = recommend::ItalianPreposition("da", lo.value_or(0));
    const std::string expected = hi && *hi < 99
                                     ? Render(lang_, Msg::kAgeRange,
                                              {{"min", min},
                                               {"max", FormatNumber(*hi, lang_)},
                                               {"da", da},
                                               {"a", recommend::ItalianPreposition("a", *hi)}})
                                     : Render(lang_, Msg::kAgeFrom, {{"min", min}, {"da", da}});
    Check(fits && (lo || hi) && reason.text == expected, p, r, reason.text,
          absl::StrCat("the product's ages are not that, or do not include ",
                       req_.age ? absl::StrCat(*req_.age) : "the age asked"));
    return;
  }
  if (!reason.other.empty()) {  // a `where` constraint, by its text
    const bool stated = std::any_of(req_.where.begin(), req_.where.end(), [&](const auto& w) {
      absl::StatusOr<Constraint> k = Constraint::Parse(w);
      return k.ok() && k->ToString() == reason.other;
    });
    absl::StatusOr<Constraint> k = Constraint::Parse(reason.other);
    bool meets = false;
    std::string label, value;
    if (k.ok()) {
      absl::StatusOr<ProductSet> s = c_.Select({*k});
      meets = s.ok() && s->Contains(i);
      const std::string field = text::Fold(k->field);
      if (field == "brand") {
        label = Render(lang_, Msg::kBrandLabel);
        value = BrandOf(i);
      } else if (field == "rating") {
        label = Render(lang_, Msg::kRatingLabel);
        std::optional<double> v = c_.rating_column().Get(i);
        if (v) value = FormatNumber(*v, lang_);
      } else if (std::optional<AttributeId> a = c_.FindAttribute(field)) {
        label = Label(*a);
        if (c_.attributes()[*a].type == AttributeType::kNumber) {
          std::optional<double> v = c_.number_column(*a).Get(i);
          if (v) value = NumberText(*a, *v);
        } else {
          value = c_.AttributeValueText(*a, i, text::LanguageCode(lang_));
        }
      }
    }
    const std::string expected = Render(lang_, Msg::kValue, {{"label", label}, {"value", value}});
    Check(stated && meets && reason.text == expected, p, r, reason.text,
          stated ? (meets ? absl::StrCat("the value is not the catalog's (", expected, ")")
                          : absl::StrCat("the product does not meet ", reason.other))
                 : absl::StrCat(reason.other, " is not a constraint the shopper stated"));
    return;
  }
  // "works with all of these": every value of the request's contains_all
  // entries on this attribute.
  std::optional<AttributeId> a = c_.FindAttribute(reason.subject);
  std::vector<std::string> values;
  bool holds = a.has_value();
  for (const ContainsAll& all : req_.contains_all) {
    if (!a || c_.FindAttribute(all.attribute) != a) continue;
    for (const std::string& v : all.values) {
      absl::StatusOr<Constraint> k = Constraint::Parse(absl::StrCat(reason.subject, "=", v));
      absl::StatusOr<ProductSet> s =
          k.ok() ? c_.Select({*k}) : absl::StatusOr<ProductSet>(k.status());
      holds = holds && s.ok() && s->Contains(i);
      values.emplace_back(c_.attributes()[*a].ValueIn(v, text::LanguageCode(lang_)));
    }
  }
  const std::string expected =
      a ? Render(lang_, Msg::kValue, {{"label", Label(*a)}, {"value", absl::StrJoin(values, ", ")}})
        : "";
  Check(holds && !values.empty() && reason.text == expected, p, r, reason.text,
        "the product does not hold every value the shopper named");
}

void Verifier::CheckWithinBudget(int p, int r, ProductIndex i, const Reason& reason) {
  std::optional<Money> price = Price(i);
  const std::optional<Money>& max = req_.budget.max;
  if (!price || !max || max->currency() != price->currency()) {
    Check(false, p, r, reason.text, "no budget or price to be within");
    return;
  }
  const int64_t left = max->minor_units() - price->minor_units();
  absl::StatusOr<Money> left_money = Money::FromMinorUnits(left, max->currency());
  const std::string expected =
      left > 0 && left_money.ok()
          ? Render(lang_, Msg::kWithinBudget,
                   {{"price", MoneyText(*price)}, {"left", MoneyText(*left_money)}})
          : Render(lang_, Msg::kAtBudget, {{"price", MoneyText(*price)}});
  Check(left >= 0 && reason.text == expected, p, r, reason.text,
        left < 0 ? "the price is over the budget" : absl::StrCat("expected \"", expected, "\""));
}

void Verifier::CheckNearTarget(int p, int r, ProductIndex i, const Reason& reason) {
  std::optional<Money> price = Price(i);
  const std::optional<Money>& around = req_.budget.around;
  if (!price || !around || around->currency() != price->currency()) {
    Check(false, p, r, reason.text, "no target or price to be near");
    return;
  }
  const double target = static_cast<double>(around->minor_units());
  const int64_t off = price->minor_units() - around->minor_units();
  const bool close =
      off <= 0 && static_cast<double>(-off) <= rep_.options.around_tolerance * target + 1e-9;
  const std::string target_text = MoneyText(*around);
  std::string expected;
  if (reason.subject == "close") {
    expected =
        Render(lang_, Msg::kNearTarget, {{"price", MoneyText(*price)}, {"target", target_text}});
    Check(close && reason.text == expected, p, r, reason.text,
          close ? absl::StrCat("expected \"", expected, "\"")
                : absl::StrCat("not close: ",
                               FormatNumber(100 * std::abs(static_cast<double>(off)) / target,
                                            Lang::kEnglish),
                               "% ", off > 0 ? "above" : "below", " the target, the tolerance is ",
                               FormatNumber(100 * rep_.options.around_tolerance, Lang::kEnglish),
                               "% below it"));
    return;
  }
  const bool above = reason.subject == "above";
  absl::StatusOr<Money> diff = Money::FromMinorUnits(off < 0 ? -off : off, around->currency());
  const bool holds =
      diff.ok() && ((above && off > 0) || (!above && reason.subject == "below" && off < 0));
  if (holds) {
    expected =
        Render(lang_, above ? Msg::kAboveTarget : Msg::kBelowTarget,
               {{"price", MoneyText(*price)}, {"diff", MoneyText(*diff)}, {"target", target_text}});
  }
  Check(holds && reason.text == expected, p, r, reason.text,
        holds ? absl::StrCat("expected \"", expected, "\"")
              : "the price is not on that side of the target");
}

void Verifier::CheckPreference(int p, int r, ProductIndex i, const Reason& reason) {
  std::optional<TermFacts> t = Term(reason.subject);
  if (!t || !t->stated) {
    Check(false, p, r, reason.text,
          absl::StrCat("\"", reason.subject, "\" is not a preference the shopper stated"));
    return;
  }
  const std::string label = t->Label(lang_);
  const std::string value = t->ValueText(i, lang_);
  std::vector<std::string> valid;
  if (t->numeric()) {
    valid.push_back(Render(lang_, Msg::kValue, {{"label", label}, {"value", value}}));
    const double v = t->Raw(i);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    size_t known = 0;
    for (ProductIndex j : fit_) {
      const double x = t->Raw(j);
      if (std::isnan(x)) continue;
      ++known;
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
    if (!std::isnan(v) && lo < hi) {
      // "Of the N that fit" when all of them list it; else "of the N that
      // fit and list it", N counting those.
      const bool all = known == fit_.size();
      const std::string n = FormatCount(static_cast<int64_t>(known), lang_);
      if (t->direction == PreferenceKind::kMinimize && v == lo) {
        valid.push_back(Render(lang_, all ? Msg::kValueLowest : Msg::kValueLowestKnown,
                               {{"label", label}, {"value", value}, {"n", n}}));
      }
      if (t->direction == PreferenceKind::kMaximize && v == hi) {
        valid.push_back(Render(lang_, all ? Msg::kValueHighest : Msg::kValueHighestKnown,
                               {{"label", label}, {"value", value}, {"n", n}}));
      }
    }
    if (!std::isnan(v) && lo < hi && !t->Phrase(lang_).empty()) {
      const double position =
          t->direction == PreferenceKind::kMinimize ? (hi - v) / (hi - lo) : (v - lo) / (hi - lo);
      if (position >= 0.75 - 1e-6) {
        valid.push_back(Render(lang_, Msg::kNamedValue,
                               {{"phrase", t->Phrase(lang_)}, {"label", label}, {"value", value}}));
      }
    }
  } else if (t->Matches(i)) {
    valid.push_back(Render(lang_, Msg::kValue, {{"label", label}, {"value", value}}));
  }
  Check(std::find(valid.begin(), valid.end(), reason.text) != valid.end(), p, r, reason.text,
        valid.empty()
            ? "the product does not have what the shopper liked"
            : absl::StrCat("true claims about it: \"", absl::StrJoin(valid, "\" / \""), "\""));
}

void Verifier::CheckRating(int p, int r, ProductIndex i, const Reason& reason) {
  std::optional<double> rating = c_.rating_column().Get(i);
  std::optional<double> reviews;
  if (rep_.reviews) reviews = c_.number_column(*rep_.reviews).Get(i);
  std::string expected;
  if (rating) {
    const std::string value = FormatNumber(*rating, lang_);
    expected =
        reviews
            ? Render(lang_, Msg::kRatingCount,
                     {{"rating", value}, {"n", FormatCount(static_cast<int64_t>(*reviews), lang_)}})
            : Render(lang_, Msg::kRatingOnly, {{"rating", value}});
  }
  Check(rating && reason.text == expected, p, r, reason.text,
        absl::StrCat("the catalog says \"", expected, "\""));
}

std::vector<ProductIndex> Verifier::PickProducts() const {
  std::vector<ProductIndex> out;
  for (const Pick& pick : rec_.picks) out.push_back(pick.product);
  return out;
}

void Verifier::CheckBestOfPicks(int p, int r, ProductIndex i, const Reason& reason) {
  std::optional<TermFacts> t = Term(reason.subject);
  if (!t || p < 0) {
    Check(false, p, r, reason.text, "not a term the picks are compared on");
    return;
  }
  const double mine = t->Goodness(i);
  bool best = !std::isnan(mine);
  for (ProductIndex j : PickProducts()) {
    if (j == i) continue;
    const double other = t->Goodness(j);
    if (!std::isnan(other) && other >= mine) best = false;
  }
  const std::string expected = Render(lang_, Msg::kBestOfPicks, {{"label", t->Label(lang_)}});
  Check(best && reason.text == expected, p, r, reason.text,
        best ? absl::StrCat("expected \"", expected, "\"")
             : "another pick is as good or better on it");
}

void Verifier::CheckTradeOff(int p, int r, ProductIndex i, const Reason& reason) {
  std::optional<TermFacts> t = Term(reason.subject);
  if (!t || p <= 0 || rec_.picks.empty()) {
    Check(false, p, r, reason.text, "not a term the picks are compared on");
    return;
  }
  const ProductIndex first = rec_.picks[0].product;
  const double mine = t->Goodness(i), theirs = t->Goodness(first);
  const bool worse = !std::isnan(theirs) && (std::isnan(mine) || mine < theirs);
  const std::string expected = t->kind == TermFacts::kPriceFit && t->around
                                   ? Render(lang_, Msg::kTradeOffTarget,
                                            {{"value", t->ValueText(i, lang_)},
                                             {"target", MoneyText(*req_.budget.around)},
                                             {"other", t->ValueText(first, lang_)},
                                             {"first", rec_.picks[0].name}})
                                   : Render(lang_, Msg::kTradeOff,
                                            {{"label", t->Label(lang_)},
                                             {"value", t->ValueText(i, lang_)},
                                             {"other", t->ValueText(first, lang_)},
                                             {"first", rec_.picks[0].name}});
  Check(worse && reason.text == expected, p, r, reason.text,
        worse ? absl::StrCat("expected \"", expected, "\"")
              : "it is not worse than the first pick on that");
}

void Verifier::CheckAlternativeReason(int p, int r, const Pick& pick, ProductIndex i,
                                      const Reason& reason) {
  if (reason.subject == "other_approach") {
    bool fits = false;
    for (const std::vector<std::string>& approach : req_.other_approaches) {
      std::vector<Constraint> ks;
      for (const std::string& text : approach) {
        absl::StatusOr<Constraint> k = Constraint::Parse(text);
        if (k.ok()) ks.push_back(*k);
      }
      absl::StatusOr<ProductSet> s = c_.Select(ks);
      fits = fits || (s.ok() && s->Contains(i));
    }
    const std::string category = c_.categories()[c_.product(i).category].name;
    const std::string expected = Render(lang_, Msg::kOtherApproachAlt, {{"category", category}});
    Check(p == -1 && fits && reason.text == expected, p, r, reason.text,
          "not a product of the request's other approaches");
    return;
  }
  if (p <= 0) {
    Check(false, p, r, reason.text, "only a later pick is an alternative to the first");
    return;
  }
  const ProductIndex first = rec_.picks[0].product;
  if (reason.subject == "cheaper") {
    std::optional<Money> mine = Price(i), theirs = Price(first);
    absl::StatusOr<Money> saving =
        mine && theirs ? theirs->Minus(*mine) : absl::StatusOr<Money>(absl::UnknownError(""));
    const bool cheaper = saving.ok() && saving->minor_units() > 0;
    Check(cheaper && reason.text ==
                         Render(lang_, Msg::kCheaperAlt,
                                {{"saving", MoneyText(*saving)}, {"first", rec_.picks[0].name}}),
          p, r, reason.text, "it is not cheaper than the first pick by that much");
    return;
  }
  if (reason.subject == "other_brand") {
    const std::string brand = BrandOf(i), theirs = BrandOf(first);
    Check(!brand.empty() && !theirs.empty() && brand != theirs &&
              reason.text == Render(lang_, Msg::kOtherBrandAlt, {{"brand", brand}}),
          p, r, reason.text, "it is not of another brand than the first pick");
    return;
  }
  (void)pick;
  Check(false, p, r, reason.text, "unknown alternative");
}

void Verifier::CheckMerchant(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason) {
  double weight = kNaN;
  for (const ScoreTerm& t : pick.breakdown) {
    if (t.name == "merchant") weight = t.weight;
  }
  const double cap = rep_.options.merchant_cap;
  const std::string cap_text = absl::StrCat(static_cast<int>(std::ceil(weight * 100)));
  bool promoted = false;
  if (rep_.merchant) {
    std::optional<double> v = c_.number_column(*rep_.merchant).Get(i);
    double lo = std::numeric_limits<double>::infinity();
    for (ProductIndex j : fit_) {
      if (auto x = c_.number_column(*rep_.merchant).Get(j)) lo = std::min(lo, *x);
    }
    promoted = v && *v > lo;
  }
  Check(rep_.merchant && !std::isnan(weight) && weight <= cap + 1e-9 && promoted &&
            reason.text == Render(lang_, Msg::kMerchant, {{"cap", cap_text}}),
        p, r, reason.text, "no merchant weight within the cap raised this score");
}

void Verifier::CheckSimilar(int p, int r, ProductIndex i, const Reason& reason) {
  std::optional<ProductIndex> ref = reference_;
  for (const Preference& pref : req_.prefer) {
    if (pref.kind == PreferenceKind::kSimilarTo && !pref.values.empty()) {
      if (std::optional<ProductIndex> x = c_.FindById(pref.values[0])) ref = x;
    }
  }
  bool similar = false;
  if (ref && *ref != i) {
    const CategoryId a = c_.product(i).category, b = c_.product(*ref).category;
    similar = a == b || c_.categories()[a].parent == c_.categories()[b].parent;
  }
  Check(similar && reason.text ==
                       Render(lang_, Msg::kSimilar, {{"ref", std::string(c_.product_name(*ref))}}),
        p, r, reason.text, "not of the reference product's kind");
}

void Verifier::CheckCritique(int p, int r, ProductIndex i, const Reason& reason) {
  if (!reference_) {
    Check(false, p, r, reason.text, "no reference product to critique");
    return;
  }
  const ProductIndex ref = *reference_;
  const std::string ref_name(c_.product_name(ref));
  if (reason.subject == "price") {
    std::optional<Money> mine = Price(i), theirs = Price(ref);
    absl::StatusOr<Money> saving =
        mine && theirs ? theirs->Minus(*mine) : absl::StatusOr<Money>(absl::UnknownError(""));
    Check(saving.ok() && saving->minor_units() > 0 &&
              reason.text == Render(lang_, Msg::kCheaperThan,
                                    {{"saving", MoneyText(*saving)}, {"ref", ref_name}}),
          p, r, reason.text, "it is not that much cheaper than the reference");
    return;
  }
  // The critique's own constraint is met and the values are the catalog's.
  bool meets = false;
  for (const AppliedConstraint& a : rec_.constraints) {
    if (a.origin != AppliedConstraint::kCritique) continue;
    absl::StatusOr<Constraint> k = Constraint::Parse(a.text);
    if (!k.ok() || text::Fold(k->field) != text::Fold(reason.subject)) continue;
    absl::StatusOr<ProductSet> s = c_.Select({*k});
    meets = s.ok() && s->Contains(i);
  }
  std::optional<TermFacts> t = recommend::verify::FieldFacts(rep_, reason.subject);
  const bool values =
      t && reason.value == t->ValueText(i, lang_) && reason.other == t->ValueText(ref, lang_) &&
      reason.text ==
          Render(lang_, Msg::kInsteadOf,
                 {{"label", reason.label}, {"value", reason.value}, {"other", reason.other}});
  Check(meets && values, p, r, reason.text,
        meets ? "the values are not the catalog's" : "it does not answer the critique");
}

}  // namespace chatcart::claims
