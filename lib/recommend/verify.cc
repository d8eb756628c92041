// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Recommender::VerifyClaims: every claim of a recommendation recomputed from
// the catalog. This file reads the catalog (columns, Select, labels) and the
// request only; it never calls the scoring, shortlist or reason code, so a
// claim those get wrong cannot verify itself. Texts are checked by rendering
// what is true with the same templates (lib/recommend/text.cc) and comparing.

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "recommend/rep.h"
#include "recommend/text.h"
#include "recommend/verify_terms.h"
#include "text/fold.h"

namespace chatcart {
namespace {

using recommend::FormatCount;
using recommend::FormatMoney;
using recommend::FormatNumber;
using recommend::Lang;
using recommend::Msg;
using recommend::Render;
using recommend::verify::TermFacts;
using TermKind = recommend::verify::TermFacts::Kind;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

class Verifier {
 public:
  Verifier(const Recommender::Rep& rep, const RecommendRequest& request, const Recommendation& rec,
           std::vector<ClaimProblem>* problems)
      : rep_(rep), c_(*rep.catalog), req_(request), rec_(rec), problems_(problems) {}

  size_t Run() {
    absl::StatusOr<Lang> lang = recommend::ParseLang(rec_.locale);
    if (!lang.ok()) {
      Fail(-2, -1, rec_.locale, "the result's locale is not en, it or fr");
      return checked_;
    }
    lang_ = *lang;
    if (!Setup()) return checked_;
    for (size_t p = 0; p < rec_.picks.size(); ++p) CheckPick(static_cast<int>(p), rec_.picks[p]);
    if (rec_.other_approach) CheckPick(-1, *rec_.other_approach);
    CheckAlternative();
    CheckExplanation();
    CheckQuestion();
    return checked_;
  }

 private:
  // ---- setup: the products that fit, recomputed from the applied constraints

  bool Setup() {
    std::vector<Constraint> parsed;
    for (const AppliedConstraint& a : rec_.constraints) {
      if (a.origin == AppliedConstraint::kAge) continue;
      absl::StatusOr<Constraint> k = Constraint::Parse(a.text);
      if (!k.ok()) {
        Fail(-2, -1, a.text, "an applied constraint does not parse");
        return false;
      }
      parsed.push_back(*std::move(k));
    }
    absl::StatusOr<ProductSet> set = c_.Select(parsed);
    if (!set.ok()) {
      Fail(-2, -1, "constraints", std::string(set.status().message()));
      return false;
    }
    std::vector<ProductIndex> excluded;
    for (const std::string& id : req_.exclude) {
      if (std::optional<ProductIndex> i = c_.FindById(id)) excluded.push_back(*i);
    }
    if (!req_.reference.empty()) {
      if (std::optional<ProductIndex> i = c_.FindById(req_.reference)) {
        excluded.push_back(*i);
        reference_ = *i;
      }
    }
    set->ForEach([&](ProductIndex i) {
      if (!Available(i) || !AgeFits(i)) return;
      fitting_before_exclusion_.push_back(i);
      if (std::find(excluded.begin(), excluded.end(), i) == excluded.end()) fit_.push_back(i);
    });
    return true;
  }

  // Priced, and in stock when the request asks for that.
  bool Available(ProductIndex i) const {
    if (c_.price_column()[i] == Catalog::kNoPrice) return false;
    if (!req_.in_stock_only) return true;
    std::optional<int64_t> stock = c_.product(i).stock;
    return !stock || *stock > 0;
  }

  bool AgeFits(ProductIndex i) const {
    if (!req_.age) return true;
    const double age = *req_.age;
    if (rep_.age_min) {
      std::optional<double> lo = c_.number_column(*rep_.age_min).Get(i);
      if (lo && *lo > age) return false;
    }
    if (rep_.age_max) {
      std::optional<double> hi = c_.number_column(*rep_.age_max).Get(i);
      if (hi && *hi < age) return false;
    }
    return true;
  }

  // ---- reporting

  void Fail(int pick, int reason, std::string claim, std::string problem) {
    problems_->push_back({pick, reason, std::move(claim), std::move(problem)});
  }
  // One claim checked: `ok`, else a problem.
  void Check(bool ok, int pick, int reason, const std::string& claim, std::string problem) {
    ++checked_;
    if (!ok) Fail(pick, reason, claim, std::move(problem));
  }

  // ---- values for people, as the catalog holds them

  std::optional<Money> Price(ProductIndex i) const {
    const int64_t p = c_.price_column()[i];
    if (p == Catalog::kNoPrice) return std::nullopt;
    absl::StatusOr<Money> m = Money::FromMinorUnits(p, c_.price_currency(i));
    return m.ok() ? std::optional<Money>(*m) : std::nullopt;
  }
  std::string MoneyText(const Money& m) const { return FormatMoney(m, lang_); }
  std::string PriceText(ProductIndex i) const {
    std::optional<Money> m = Price(i);
    return m ? MoneyText(*m) : Unknown();
  }
  std::string Unknown() const { return Render(lang_, Msg::kUnknown); }
  std::string NumberText(AttributeId a, double v) const {
    std::string s = FormatNumber(v, lang_);
    if (!c_.attributes()[a].unit.empty()) absl::StrAppend(&s, " ", c_.attributes()[a].unit);
    return s;
  }
  std::string Label(AttributeId a) const {
    return std::string(c_.attributes()[a].LabelIn(text::LanguageCode(lang_)));
  }
  std::string BrandOf(ProductIndex i) const {
    return c_.brand_code(i) == 0 ? "" : c_.brands()[c_.brand_code(i) - 1];
  }
  bool SameProduct(ProductIndex a, ProductIndex b) const {
    if (c_.Variants(a).front() == c_.Variants(b).front()) return true;
    return c_.brand_code(a) == c_.brand_code(b) && c_.product_name(a) == c_.product_name(b);
  }

  // ---- picks

  void CheckPick(int p, const Pick& pick) {
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

  void CheckReason(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason) {
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

  // A constraint the shopper stated, met.
  void CheckMeets(int p, int r, ProductIndex i, const Reason& reason) {
    if (reason.subject == "age") {
      std::optional<double> lo, hi;
      if (rep_.age_min) lo = c_.number_column(*rep_.age_min).Get(i);
      if (rep_.age_max) hi = c_.number_column(*rep_.age_max).Get(i);
      const bool fits = req_.age && (!lo || *lo <= *req_.age) && (!hi || *hi >= *req_.age);
      const std::string min = FormatNumber(lo.value_or(0), lang_);
      const std::string da = recommend::ItalianPreposition("da", lo.value_or(0));
      const std::string expected =
          hi && *hi < 99 ? Render(lang_, Msg::kAgeRange,
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

  void CheckWithinBudget(int p, int r, ProductIndex i, const Reason& reason) {
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

  // "Close to the X you had in mind": at or below the target, within the
  // tolerance; else "N above / below the X you had in mind", by that much.
  void CheckNearTarget(int p, int r, ProductIndex i, const Reason& reason) {
    std::optional<Money> price = Price(i);
    const std::optional<Money>& around = req_.budget.around;
    if (!price || !around || around->currency() != price->currency()) {
      Check(false, p, r, reason.text, "no target or price to be near");
      return;
    }
    const double target = static_cast<double>(around->minor_units());
    const int64_t off = price->minor_units() - around->minor_units();
    const bool close = off <= 0 && static_cast<double>(-off) <=
                                       rep_.options.around_tolerance * target + 1e-9;
    const std::string target_text = MoneyText(*around);
    std::string expected;
    if (reason.subject == "close") {
      expected = Render(lang_, Msg::kNearTarget, {{"price", MoneyText(*price)}, {"target", target_text}});
      Check(close && reason.text == expected, p, r, reason.text,
            close ? absl::StrCat("expected \"", expected, "\"")
                  : absl::StrCat("not close: ", FormatNumber(100 * std::abs(static_cast<double>(off)) / target, Lang::kEnglish),
                                 "% ", off > 0 ? "above" : "below", " the target, the tolerance is ",
                                 FormatNumber(100 * rep_.options.around_tolerance, Lang::kEnglish),
                                 "% below it"));
      return;
    }
    const bool above = reason.subject == "above";
    absl::StatusOr<Money> diff = Money::FromMinorUnits(off < 0 ? -off : off, around->currency());
    const bool holds = diff.ok() && ((above && off > 0) || (!above && reason.subject == "below" && off < 0));
    if (holds) {
      expected = Render(lang_, above ? Msg::kAboveTarget : Msg::kBelowTarget,
                        {{"price", MoneyText(*price)}, {"diff", MoneyText(*diff)}, {"target", target_text}});
    }
    Check(holds && reason.text == expected, p, r, reason.text,
          holds ? absl::StrCat("expected \"", expected, "\"")
                : "the price is not on that side of the target");
  }

  void CheckPreference(int p, int r, ProductIndex i, const Reason& reason) {
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
        const double position = t->direction == PreferenceKind::kMinimize ? (hi - v) / (hi - lo)
                                                                           : (v - lo) / (hi - lo);
        if (position >= 0.75 - 1e-6) {
          valid.push_back(Render(lang_, Msg::kNamedValue,
                                 {{"phrase", t->Phrase(lang_)}, {"label", label}, {"value", value}}));
        }
      }
    } else if (t->Matches(i)) {
      valid.push_back(Render(lang_, Msg::kValue, {{"label", label}, {"value", value}}));
    }
    Check(std::find(valid.begin(), valid.end(), reason.text) != valid.end(), p, r, reason.text,
          valid.empty() ? "the product does not have what the shopper liked"
                        : absl::StrCat("true claims about it: \"", absl::StrJoin(valid, "\" / \""),
                                       "\""));
  }

  void CheckRating(int p, int r, ProductIndex i, const Reason& reason) {
    std::optional<double> rating = c_.rating_column().Get(i);
    std::optional<double> reviews;
    if (rep_.reviews) reviews = c_.number_column(*rep_.reviews).Get(i);
    std::string expected;
    if (rating) {
      const std::string value = FormatNumber(*rating, lang_);
      expected = reviews ? Render(lang_, Msg::kRatingCount,
                                  {{"rating", value},
                                   {"n", FormatCount(static_cast<int64_t>(*reviews), lang_)}})
                         : Render(lang_, Msg::kRatingOnly, {{"rating", value}});
    }
    Check(rating && reason.text == expected, p, r, reason.text,
          absl::StrCat("the catalog says \"", expected, "\""));
  }

  // Which pick index a pick's product is, for comparisons.
  std::vector<ProductIndex> PickProducts() const {
    std::vector<ProductIndex> out;
    for (const Pick& pick : rec_.picks) out.push_back(pick.product);
    return out;
  }

  void CheckBestOfPicks(int p, int r, ProductIndex i, const Reason& reason) {
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

  void CheckTradeOff(int p, int r, ProductIndex i, const Reason& reason) {
    std::optional<TermFacts> t = Term(reason.subject);
    if (!t || p <= 0 || rec_.picks.empty()) {
      Check(false, p, r, reason.text, "not a term the picks are compared on");
      return;
    }
    const ProductIndex first = rec_.picks[0].product;
    const double mine = t->Goodness(i), theirs = t->Goodness(first);
    const bool worse = !std::isnan(theirs) && (std::isnan(mine) || mine < theirs);
    const std::string expected =
        t->kind == TermFacts::kPriceFit && t->around
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

  void CheckAlternativeReason(int p, int r, const Pick& pick, ProductIndex i,
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
      const std::string expected =
          Render(lang_, Msg::kOtherApproachAlt, {{"category", category}});
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
      Check(cheaper && reason.text == Render(lang_, Msg::kCheaperAlt,
                                             {{"saving", MoneyText(*saving)},
                                              {"first", rec_.picks[0].name}}),
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

  void CheckMerchant(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason) {
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

  // "Similar to X": the same category as X (or a sibling of it), not X.
  void CheckSimilar(int p, int r, ProductIndex i, const Reason& reason) {
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

  void CheckCritique(int p, int r, ProductIndex i, const Reason& reason) {
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
    const bool values = t && reason.value == t->ValueText(i, lang_) &&
                        reason.other == t->ValueText(ref, lang_) &&
                        reason.text == Render(lang_, Msg::kInsteadOf,
                                              {{"label", reason.label},
                                               {"value", reason.value},
                                               {"other", reason.other}});
    Check(meets && values, p, r, reason.text,
          meets ? "the values are not the catalog's" : "it does not answer the critique");
  }

  // ---- the ladder, specs, price rank

  // The quality attributes most of the products that fit fall under.
  std::vector<QualityAttribute> Quality() const {
    std::map<const QualitySpec*, size_t> count;
    for (ProductIndex j : fit_) {
      if (const QualitySpec* q = c_.QualityFor(c_.product(j).category)) ++count[q];
    }
    const QualitySpec* best = nullptr;
    size_t most = 0;
    for (const auto& [q, n] : count) {
      if (n > most || (n == most && best != nullptr && q->category < best->category)) {
        best = q;
        most = n;
      }
    }
    return best == nullptr ? std::vector<QualityAttribute>() : best->attributes;
  }
  // Sign-adjusted quality values (higher is better), or nullopt when the
  // product lacks one.
  std::optional<std::vector<double>> QualityValues(const std::vector<QualityAttribute>& q,
                                                   ProductIndex i) const {
    std::vector<double> out;
    for (const QualityAttribute& a : q) {
      std::optional<double> v = c_.number_column(a.attribute).Get(i);
      if (!v) return std::nullopt;
      out.push_back(a.more_is_better ? *v : -*v);
    }
    return out;
  }
  std::string Labels(const std::vector<QualityAttribute>& q) const {
    std::string out;
    for (size_t k = 0; k < q.size(); ++k) {
      if (k > 0) out.append(k + 1 == q.size() ? Render(lang_, Msg::kAnd) : ", ");
      out.append(Label(q[k].attribute));
    }
    return out;
  }
  std::string MoneyOf(int64_t minor, ProductIndex i) const {
    absl::StatusOr<Money> m = Money::FromMinorUnits(minor, c_.price_currency(i));
    return m.ok() ? MoneyText(*m) : "";
  }

  void CheckLadder(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason) {
    const std::string& tier = reason.subject;
    const int64_t price = c_.price_column()[i];
    const std::string n = FormatCount(static_cast<int64_t>(fit_.size()), lang_);
    Check(pick.tier == tier, p, r, reason.text, "the pick's tier is not the reason's");
    if (tier == "top" || tier == "middle" || tier == "lowest") {
      const int64_t top = req_.budget.max ? req_.budget.max->minor_units() : 0;
      int64_t lowest = INT64_MAX, dearest = 0;
      for (ProductIndex j : fit_) {
        const int64_t pj = c_.price_column()[j];
        if (pj == Catalog::kNoPrice) continue;
        lowest = std::min(lowest, pj);
        dearest = std::max(dearest, pj);
      }
      bool holds = false;
      if (tier == "top" && reason.text == Render(lang_, Msg::kLadderTop)) {
        holds = req_.budget.max && price >= top - top / 5 && price <= top;
      } else if (tier == "top" && reason.text == Render(lang_, Msg::kLadderDearest, {{"n", n}})) {
        holds = price >= dearest - dearest / 5;
      } else if (tier == "middle" && reason.text == Render(lang_, Msg::kLadderMiddle)) {
        holds = req_.budget.max && price >= (top * 2) / 5 && price < top - top / 5;
      } else if (tier == "lowest" && reason.text == Render(lang_, Msg::kLadderLowest, {{"n", n}})) {
        holds = price == lowest;
      }
      Check(holds, p, r, reason.text, "the price is not where the claim puts it");
      return;
    }
    const std::vector<QualityAttribute> q = Quality();
    std::optional<std::vector<double>> mine = QualityValues(q, i);
    if (q.empty() || !mine) {
      Check(false, p, r, reason.text, "no quality attributes, or the pick lacks one");
      return;
    }
    const std::string labels = Labels(q);
    auto matches = [&](ProductIndex j, bool strictly) {
      std::optional<std::vector<double>> v = QualityValues(q, j);
      if (!v) return false;
      bool more = false;
      for (size_t k = 0; k < q.size(); ++k) {
        if ((*v)[k] < (*mine)[k]) return false;
        more = more || (*v)[k] > (*mine)[k];
      }
      return !strictly || more;
    };
    if (tier == "best") {
      // "Nothing from lo to hi beats it": hi is the budget's top, or the
      // dearest product that fits with every quality value.
      std::vector<int64_t> tops;
      if (req_.budget.max) tops.push_back(req_.budget.max->minor_units());
      int64_t dearest = 0;
      for (ProductIndex j : fit_) {
        if (c_.price_column()[j] != Catalog::kNoPrice && QualityValues(q, j)) {
          dearest = std::max(dearest, c_.price_column()[j]);
        }
      }
      tops.push_back(dearest);
      bool holds = false, said = false;
      for (int64_t hi : tops) {
        const int64_t lo = hi - hi / 5;
        if (reason.text != Render(lang_, Msg::kLadderBest,
                                  {{"lo", MoneyOf(lo, i)}, {"hi", MoneyOf(hi, i)}, {"labels", labels}})) {
          continue;
        }
        said = true;
        holds = price >= lo && price <= hi;
        for (ProductIndex j : fit_) {
          const int64_t pj = c_.price_column()[j];
          if (j != i && pj >= lo && pj <= hi && matches(j, true)) holds = false;
        }
      }
      Check(said && holds, p, r, reason.text,
            said ? "a product that fits in that price range beats it on every attribute"
                 : "not the claim for this ladder");
      return;
    }
    const Msg msg = tier == "better" ? Msg::kLadderBetter : Msg::kLadderGood;
    bool holds = tier == "better" || tier == "good";
    for (ProductIndex j : fit_) {
      const int64_t pj = c_.price_column()[j];
      if (pj != Catalog::kNoPrice && pj < price && matches(j, false)) holds = false;
    }
    Check(holds && reason.text == Render(lang_, msg, {{"labels", labels}}), p, r, reason.text,
          "a cheaper product that fits matches it on every attribute");
  }

  void CheckSpec(int p, int r, ProductIndex i, const Reason& reason) {
    std::string expected;
    for (const QualityAttribute& a : Quality()) {
      std::optional<TermFacts> t = Term(c_.attributes()[a.attribute].name);
      std::optional<double> v = c_.number_column(a.attribute).Get(i);
      if ((t && t->stated) || !v) continue;
      if (!expected.empty()) expected.append(", ");
      expected.append(Render(lang_, Msg::kValue,
                             {{"label", Label(a.attribute)}, {"value", NumberText(a.attribute, *v)}}));
    }
    Check(!expected.empty() && reason.text == expected, p, r, reason.text,
          absl::StrCat("the catalog says \"", expected, "\""));
  }

  void CheckPriceRank(int p, int r, ProductIndex i, const Reason& reason) {
    const int64_t price = c_.price_column()[i];
    int64_t cheaper = 0;
    for (ProductIndex j : fit_) {
      const int64_t pj = c_.price_column()[j];
      cheaper += pj != Catalog::kNoPrice && pj < price;
    }
    const std::string n = FormatCount(static_cast<int64_t>(fit_.size()), lang_);
    const std::string expected =
        cheaper == 0 ? absl::StrCat(PriceText(i), "; ", Render(lang_, Msg::kLadderLowest, {{"n", n}}))
                     : Render(lang_, Msg::kPriceRank,
                              {{"price", PriceText(i)}, {"k", FormatCount(cheaper, lang_)}, {"n", n}});
    Check(reason.text == expected, p, r, reason.text,
          absl::StrCat("the catalog says \"", expected, "\""));
  }

  // The probing question: the count it states, and each option's count.
  void CheckQuestion() {
    if (!rec_.question) return;
    const Question& q = *rec_.question;
    std::string listed;
    for (size_t k = 0; k < q.options.size(); ++k) {
      if (k > 0) listed.append(k + 1 == q.options.size() ? Render(lang_, Msg::kOr) : ", ");
      listed.append(q.options[k].value);
    }
    Check(q.text == Render(lang_, Msg::kQuestion,
                           {{"n", FormatCount(static_cast<int64_t>(fit_.size()), lang_)},
                            {"label", q.label},
                            {"options", listed}}),
          -2, -1, q.text, "the question does not state how many products fit");
    for (const QuestionOption& o : q.options) {
      std::vector<Constraint> ks;
      bool parsed = true;
      for (const std::string& w : o.where) {
        absl::StatusOr<Constraint> k = Constraint::Parse(w);
        parsed = parsed && k.ok();
        if (k.ok()) ks.push_back(*k);
      }
      absl::StatusOr<ProductSet> s = c_.Select(ks);
      size_t n = 0;
      if (parsed && s.ok()) {
        for (ProductIndex j : fit_) n += s->Contains(j);
      }
      Check(parsed && s.ok() && n == o.matches && n > 0, -2, -1, o.value,
            absl::StrCat("with this answer ", n, " products fit, not ", o.matches));
    }
  }

  // ---- the alternative and the explanation

  void CheckAlternative() {
    if (rec_.picks.empty()) return;
    const ProductIndex first = rec_.picks[0].product;
    for (size_t p = 1; p < rec_.picks.size(); ++p) {
      const Pick& pick = rec_.picks[p];
      if (pick.alternative == kAlternativeNone) continue;
      const bool cheaper_ok =
          !(pick.alternative & kAlternativeCheaper) ||
          (pick.price && rec_.picks[0].price &&
           pick.price->currency() == rec_.picks[0].price->currency() &&
           pick.price->minor_units() < rec_.picks[0].price->minor_units());
      const bool brand_ok = !(pick.alternative & kAlternativeOtherBrand) ||
                            (!BrandOf(pick.product).empty() && !BrandOf(first).empty() &&
                             BrandOf(pick.product) != BrandOf(first));
      Check(cheaper_ok && brand_ok && rec_.alternative == static_cast<int>(p),
            static_cast<int>(p), -1, pick.id, "the alternative flags are not true");
    }
  }

  void CheckExplanation() {
    const std::string& text = rec_.explanation;
    if (text.empty()) return;
    const int k = -2;
    if (text == Render(lang_, Msg::kAllShown)) {
      Check(fit_.empty() && !fitting_before_exclusion_.empty(), k, -1, text,
            "some product that fits was not shown");
      return;
    }
    if (text == Render(lang_, Msg::kNoneAvailable) || text == Render(lang_, Msg::kEmptyCatalog)) {
      bool any = false;
      for (ProductIndex i = 0; i < c_.size() && !any; ++i) any = Available(i);
      Check(!any, k, -1, text, "some product is available");
      return;
    }
    if (!rec_.picks.empty()) {
      const Pick& first = rec_.picks[0];
      if (text == Render(lang_, Msg::kOnlyOne, {{"first", first.name}})) {
        Check(fit_.size() == 1, k, -1, text,
              absl::StrCat(fit_.size(), " products fit, not one"));
        return;
      }
      if (text == Render(lang_, Msg::kNoAlternative, {{"first", first.name}, {"brand", first.brand}})) {
        bool holds = !first.brand.empty();
        for (ProductIndex j : fit_) {
          if (SameProduct(j, first.product)) continue;
          const int64_t pj = c_.price_column()[j], pf = c_.price_column()[first.product];
          if (BrandOf(j) != first.brand || pj < pf) holds = false;
        }
        Check(holds, k, -1, text, "a product that fits is of another brand or cheaper");
        return;
      }
      if (text == Render(lang_, Msg::kNoCheaper, {{"first", first.name}})) {
        bool holds = true;
        for (ProductIndex j : fit_) {
          if (SameProduct(j, first.product)) continue;
          if (c_.price_column()[j] < c_.price_column()[first.product]) holds = false;
        }
        Check(holds, k, -1, text, "a product that fits is cheaper");
        return;
      }
      Check(false, k, -1, text, "an explanation beside picks that is not known");
      return;
    }
    // An empty result: its conflict matches nothing together, and is
    // minimal; every relaxation lets in the products it counts.
    auto count = [&](const std::vector<size_t>& which,
                     const std::vector<std::pair<size_t, std::string>>& changes) -> int64_t {
      std::vector<Constraint> ks;
      bool age = false;
      for (size_t a : which) {
        std::string t = rec_.constraints[a].text;
        bool dropped = false;
        for (const auto& [at, to] : changes) {
          if (at == a) {
            t = to;
            dropped = to.empty();
          }
        }
        if (dropped) continue;
        if (rec_.constraints[a].origin == AppliedConstraint::kAge) {
          age = true;
          continue;
        }
        absl::StatusOr<Constraint> parsed = Constraint::Parse(t);
        if (!parsed.ok()) return -1;
        ks.push_back(*parsed);
      }
      absl::StatusOr<ProductSet> s = c_.Select(ks);
      if (!s.ok()) return -1;
      int64_t n = 0;
      s->ForEach([&](ProductIndex i) { n += Available(i) && (!age || AgeFits(i)); });
      return n;
    };
    if (!rec_.conflict.empty()) {
      Check(count(rec_.conflict, {}) == 0, k, -1, text, "the products fit the conflict together");
      for (size_t drop : rec_.conflict) {
        std::vector<size_t> rest;
        for (size_t a : rec_.conflict) {
          if (a != drop) rest.push_back(a);
        }
        Check(count(rest, {}) > 0, k, -1, text,
              absl::StrCat("the conflict is not minimal without ", rec_.constraints[drop].text));
      }
    }
    std::vector<size_t> all;
    for (size_t a = 0; a < rec_.constraints.size(); ++a) all.push_back(a);
    for (const Relaxation& relax : rec_.relaxations) {
      std::vector<std::pair<size_t, std::string>> changes;
      for (const RelaxationChange& ch : relax.changes) changes.emplace_back(ch.constraint, ch.to);
      const int64_t n = count(all, changes);
      const std::string said =
          n == 1 ? "" : FormatCount(n, lang_);
      Check(n == static_cast<int64_t>(relax.matches) && text.find(relax.text) != std::string::npos &&
                (said.empty() || relax.text.find(said) != std::string::npos),
            k, -1, relax.text,
            absl::StrCat("with these changes ", n, " products fit, not ", relax.matches));
    }
  }

  std::optional<TermFacts> Term(const std::string& name) const {
    return recommend::verify::TermOf(rep_, req_, name);
  }

  const Recommender::Rep& rep_;
  const Catalog& c_;
  const RecommendRequest& req_;
  const Recommendation& rec_;
  std::vector<ClaimProblem>* problems_;
  Lang lang_ = Lang::kEnglish;
  size_t checked_ = 0;
  std::vector<ProductIndex> fit_;  // fit, not excluded, not the reference
  std::vector<ProductIndex> fitting_before_exclusion_;
  std::optional<ProductIndex> reference_;
};

}  // namespace

std::vector<ClaimProblem> Recommender::VerifyClaims(const RecommendRequest& request,
                                                    const Recommendation& rec,
                                                    size_t* checked) const {
  std::vector<ClaimProblem> problems;
  const size_t n = Verifier(*rep_, request, rec, &problems).Run();
  if (checked != nullptr) *checked = n;
  return problems;
}

}  // namespace chatcart
