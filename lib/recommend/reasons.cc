// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/reasons.h"

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"

namespace chatcart::recommend {
namespace {

// An attribute's label in the session's language (the mapping's labels).
std::string AttributeLabel(const ReasonContext& ctx, AttributeId a) {
  return std::string(ctx.rep.catalog->attributes()[a].LabelIn(text::LanguageCode(ctx.lang)));
}

std::string TermLabel(const ReasonContext& ctx, const Term& t) {
  switch (t.source) {
    case Term::kPriceFit:
    case Term::kPrice:
      return Render(ctx.lang, Msg::kPriceLabel);
    case Term::kRating:
      return Render(ctx.lang, Msg::kRatingLabel);
    case Term::kNumber:
    case Term::kCodes:
    case Term::kList:
      return AttributeLabel(ctx, *t.attribute);
    case Term::kBrand:
      return Render(ctx.lang, Msg::kBrandLabel);
    case Term::kCategory:
      return Render(ctx.lang, Msg::kCategoryLabel);
    case Term::kSimilar:
      return Render(ctx.lang, Msg::kSimilarityLabel);
    case Term::kMerchant:
      return Render(ctx.lang, Msg::kMerchantLabel);
  }
  return t.name;
}

std::string NamedPhrase(const ReasonContext& ctx, const Term& t) {
  for (const NamedPreference& np : ctx.rep.vocabulary) {
    if (np.name != t.named) continue;
    auto it = np.phrase.find(std::string(text::LanguageCode(ctx.lang)));
    if (it != np.phrase.end()) return it->second;
    it = np.phrase.find("en");
    return it != np.phrase.end() ? it->second : np.name;
  }
  return t.named;
}

std::optional<Money> PriceOf(const Catalog& c, ProductIndex i) {
  const int64_t p = c.price_column()[i];
  if (p == Catalog::kNoPrice) return std::nullopt;
  absl::StatusOr<Money> m = Money::FromMinorUnits(p, c.price_currency(i));
  return m.ok() ? std::optional<Money>(*m) : std::nullopt;
}

std::string NumberWithUnit(double v, std::string_view unit, Lang lang) {
  std::string s = FormatNumber(v, lang);
  if (!unit.empty()) absl::StrAppend(&s, " ", ToAbsl(unit));
  return s;
}

Reason MakeReason(ReasonKind kind, std::string subject, std::string text) {
  Reason r;
  r.kind = kind;
  r.subject = std::move(subject);
  r.text = std::move(text);
  return r;
}

// The product's value of a constraint's field, for people.
std::string FieldValueText(const ReasonContext& ctx, const HardConstraint& h, ProductIndex i) {
  const Catalog& c = *ctx.rep.catalog;
  switch (h.field) {
    case FieldKind::kBrand:
      return c.brand_code(i) == 0 ? "" : c.brands()[c.brand_code(i) - 1];
    case FieldKind::kRating: {
      std::optional<double> r = c.rating_column().Get(i);
      return r ? FormatNumber(*r, ctx.lang) : "";
    }
    case FieldKind::kNumber: {
      std::optional<double> v = c.number_column(*h.attribute).Get(i);
      return v ? NumberWithUnit(*v, c.attributes()[*h.attribute].unit, ctx.lang) : "";
    }
    case FieldKind::kCodes:
    case FieldKind::kList:
      return c.AttributeValueText(*h.attribute, i, text::LanguageCode(ctx.lang));
    default:
      return "";
  }
}

}  // namespace

std::string TermValueText(const ReasonContext& ctx, const Term& t, ProductIndex i) {
  const Catalog& c = *ctx.rep.catalog;
  const std::string unknown = Render(ctx.lang, Msg::kUnknown);
  switch (t.source) {
    case Term::kPriceFit:
    case Term::kPrice: {
      std::optional<Money> m = PriceOf(c, i);
      return m ? FormatMoney(*m, ctx.lang) : unknown;
    }
    case Term::kRating: {
      std::optional<double> r = c.rating_column().Get(i);
      return r ? FormatNumber(*r, ctx.lang) : unknown;
    }
    case Term::kNumber:
    case Term::kMerchant: {
      std::optional<double> v = c.number_column(*t.attribute).Get(i);
      return v ? NumberWithUnit(*v, c.attributes()[*t.attribute].unit, ctx.lang) : unknown;
    }
    case Term::kCodes:
    case Term::kList: {
      std::string s = c.AttributeValueText(*t.attribute, i, text::LanguageCode(ctx.lang));
      return s.empty() ? unknown : s;
    }
    case Term::kBrand:
      return c.brand_code(i) == 0 ? unknown : c.brands()[c.brand_code(i) - 1];
    case Term::kCategory:
      return c.categories()[ctx.rep.category_of[i]].name;
    case Term::kSimilar:
      return absl::StrCat(std::lround(RawValue(ctx.rep, t, i) * 100), "%");
  }
  return unknown;
}

Pick MakePick(const ReasonContext& ctx, ProductIndex i, std::span<const float> utilities) {
  const Catalog& c = *ctx.rep.catalog;
  const Lang lang = ctx.lang;
  Pick p;
  p.product = i;
  p.id = std::string(c.id(i));
  p.name = std::string(c.product_name(i));
  p.brand = c.brand_code(i) == 0 ? "" : c.brands()[c.brand_code(i) - 1];
  p.price = PriceOf(c, i);

  for (size_t t = 0; t < ctx.terms.size(); ++t) {
    const Term& term = ctx.terms[t];
    ScoreTerm st;
    st.name = term.name;
    st.utility = utilities[t];
    st.weight = ctx.scored.weight[t];
    st.contribution = st.utility * st.weight;
    st.value = TermValueText(ctx, term, i);
    p.score += st.contribution;
    p.breakdown.push_back(std::move(st));
  }

  // The budget.
  const Budget& b = ctx.request.budget;
  if (p.price && b.max && b.max->currency() == p.price->currency()) {
    const std::string price = FormatMoney(*p.price, lang);
    const int64_t left = b.max->minor_units() - p.price->minor_units();
    absl::StatusOr<Money> left_money = Money::FromMinorUnits(left, b.max->currency());
    Reason r = MakeReason(ReasonKind::kWithinBudget, "price",
                          left > 0 && left_money.ok()
                              ? Render(lang, Msg::kWithinBudget,
                                       {{"price", price}, {"left", FormatMoney(*left_money, lang)}})
                              : Render(lang, Msg::kAtBudget, {{"price", price}}));
    r.label = Render(lang, Msg::kPriceLabel);
    r.value = price;
    r.other = FormatMoney(*b.max, lang);
    p.reasons.push_back(std::move(r));
  } else if (p.price && b.around && b.around->currency() == p.price->currency()) {
    // "Close to" only within the tolerance and not above; any other price
    // says plainly by how much it is off.
    const std::string price = FormatMoney(*p.price, lang);
    const std::string target = FormatMoney(*b.around, lang);
    const int64_t off = p.price->minor_units() - b.around->minor_units();
    const bool close =
        off <= 0 && static_cast<double>(-off) <=
                        ctx.rep.options.around_tolerance * static_cast<double>(b.around->minor_units());
    Reason r;
    r.kind = ReasonKind::kNearTarget;
    absl::StatusOr<Money> diff = Money::FromMinorUnits(off < 0 ? -off : off, b.around->currency());
    if (close || !diff.ok()) {
      r.subject = "close";
      r.text = Render(lang, Msg::kNearTarget, {{"price", price}, {"target", target}});
    } else {
      r.subject = off > 0 ? "above" : "below";
      r.text = Render(lang, off > 0 ? Msg::kAboveTarget : Msg::kBelowTarget,
                      {{"price", price}, {"diff", FormatMoney(*diff, lang)}, {"target", target}});
    }
    r.label = Render(lang, Msg::kPriceLabel);
    r.value = price;
    r.other = target;
    p.reasons.push_back(std::move(r));
  }

  // The category's quality attributes, those the shopper did not state a
  // preference on (that reason shows them): "Memory: 8 GB, Boost clock: ...".
  if (!ctx.quality.empty()) {
    std::string specs;
    for (const QualityAttribute& q : ctx.quality) {
      bool stated = false;
      for (const Term& t : ctx.terms) stated = stated || (t.stated && t.attribute == q.attribute);
      std::optional<double> v = c.number_column(q.attribute).Get(i);
      if (stated || !v) continue;
      if (!specs.empty()) specs.append(", ");
      specs.append(Render(lang, Msg::kValue,
                          {{"label", AttributeLabel(ctx, q.attribute)},
                           {"value", NumberWithUnit(*v, c.attributes()[q.attribute].unit, lang)}}));
    }
    if (!specs.empty()) {
      Reason r = MakeReason(ReasonKind::kSpec, "quality", specs);
      r.value = specs;
      p.reasons.push_back(std::move(r));
    }
  }

  // Constraints the shopper stated: contains_all grouped by attribute, the
  // age range, attribute conditions of `where`.
  std::map<AttributeId, std::vector<std::string>> contains;
  for (const HardConstraint& h : ctx.constraints) {
    if (h.origin == AppliedConstraint::kContainsAll && h.attribute) {
      contains[*h.attribute].push_back(std::string(
          c.attributes()[*h.attribute].ValueIn(h.constraint.values[0], text::LanguageCode(lang))));
    } else if (h.origin == AppliedConstraint::kAge) {
      std::optional<double> lo, hi;
      if (ctx.rep.age_min) lo = c.number_column(*ctx.rep.age_min).Get(i);
      if (ctx.rep.age_max) hi = c.number_column(*ctx.rep.age_max).Get(i);
      if (!lo && !hi) continue;
      const std::string min = FormatNumber(lo.value_or(0), lang);
      const std::string da = ItalianPreposition("da", lo.value_or(0));
      Reason r =
          MakeReason(ReasonKind::kMeets, "age",
                     hi && *hi < 99 ? Render(lang, Msg::kAgeRange,
                                             {{"min", min},
                                              {"max", FormatNumber(*hi, lang)},
                                              {"da", da},
                                              {"a", ItalianPreposition("a", *hi)}})
                                    : Render(lang, Msg::kAgeFrom, {{"min", min}, {"da", da}}));
      r.value = hi ? absl::StrCat(min, "-", FormatNumber(*hi, lang)) : min;
      r.other = absl::StrCat(h.age);
      p.reasons.push_back(std::move(r));
    } else if (h.origin == AppliedConstraint::kWhere &&
               (h.field == FieldKind::kNumber || h.field == FieldKind::kCodes ||
                h.field == FieldKind::kList || h.field == FieldKind::kBrand ||
                h.field == FieldKind::kRating)) {
      std::string value = FieldValueText(ctx, h, i);
      if (value.empty()) continue;
      std::string label = h.field == FieldKind::kBrand    ? Render(lang, Msg::kBrandLabel)
                          : h.field == FieldKind::kRating ? Render(lang, Msg::kRatingLabel)
                                                          : AttributeLabel(ctx, *h.attribute);
      Reason r = MakeReason(ReasonKind::kMeets, h.constraint.field,
                            Render(lang, Msg::kValue, {{"label", label}, {"value", value}}));
      r.label = label;
      r.value = value;
      r.other = h.Text();
      p.reasons.push_back(std::move(r));
    }
  }
  for (const auto& [attribute, values] : contains) {
    const std::string label = AttributeLabel(ctx, attribute);
    std::string value = absl::StrJoin(values, ", ");
    Reason r = MakeReason(ReasonKind::kMeets, c.attributes()[attribute].name,
                          Render(lang, Msg::kValue, {{"label", label}, {"value", value}}));
    r.label = label;
    r.value = value;
    p.reasons.push_back(std::move(r));
  }

  // Stated preferences, then the rating.
  const size_t fitting = ctx.scored.products.size();
  for (size_t t = 0; t < ctx.terms.size(); ++t) {
    const Term& term = ctx.terms[t];
    if (!term.stated || term.source == Term::kRating) continue;
    const std::string label = TermLabel(ctx, term);
    const std::string& value = p.breakdown[t].value;
    Reason r;
    r.kind = ReasonKind::kPreference;
    r.subject = term.name;
    r.label = label;
    r.value = value;
    if (term.source == Term::kSimilar) {
      // "Similar" only for a product of the reference's kind: its category
      // or a sibling of it.
      const CategoryId mine = ctx.rep.category_of[i], theirs = ctx.rep.category_of[term.reference];
      if (mine != theirs && c.categories()[mine].parent != c.categories()[theirs].parent) continue;
      r.kind = ReasonKind::kSimilar;
      r.other = std::string(c.product_name(term.reference));
      r.text = Render(lang, Msg::kSimilar, {{"ref", r.other}});
    } else if (term.source == Term::kCodes || term.source == Term::kList ||
               term.source == Term::kBrand || term.source == Term::kCategory) {
      if (utilities[t] <= 0) continue;
      r.text = Render(lang, Msg::kValue, {{"label", label}, {"value", value}});
    } else {
      const double v = RawValue(ctx.rep, term, i);
      const double lo = ctx.scored.lo[t], hi = ctx.scored.hi[t];
      const bool best = !std::isnan(v) && lo < hi &&
                        ((term.direction == PreferenceKind::kMinimize && v == lo) ||
                         (term.direction == PreferenceKind::kMaximize && v == hi));
      if (best) {
        // "Of the N that fit" only when all of them list it.
        const size_t known = ctx.scored.known[t];
        const bool all = known == fitting;
        const bool low = term.direction == PreferenceKind::kMinimize;
        r.text = Render(lang,
                        all ? (low ? Msg::kValueLowest : Msg::kValueHighest)
                            : (low ? Msg::kValueLowestKnown : Msg::kValueHighestKnown),
                        {{"label", label},
                         {"value", value},
                         {"n", FormatCount(static_cast<int64_t>(all ? fitting : known), lang)}});
      } else if (!term.named.empty() && lo < hi && utilities[t] >= 0.75f) {
        r.text = Render(lang, Msg::kNamedValue,
                        {{"phrase", NamedPhrase(ctx, term)}, {"label", label}, {"value", value}});
      } else {
        r.text = Render(lang, Msg::kValue, {{"label", label}, {"value", value}});
      }
    }
    p.reasons.push_back(std::move(r));
  }
  if (std::optional<double> rating = c.rating_column().Get(i)) {
    std::optional<double> reviews;
    if (ctx.rep.reviews) reviews = c.number_column(*ctx.rep.reviews).Get(i);
    const std::string value = FormatNumber(*rating, lang);
    Reason r = MakeReason(
        ReasonKind::kRating, "rating",
        reviews
            ? Render(lang, Msg::kRatingCount,
                     {{"rating", value}, {"n", FormatCount(static_cast<int64_t>(*reviews), lang)}})
            : Render(lang, Msg::kRatingOnly, {{"rating", value}}));
    r.label = Render(lang, Msg::kRatingLabel);
    r.value = value;
    if (reviews) r.other = absl::StrCat(static_cast<int64_t>(*reviews));
    p.reasons.push_back(std::move(r));
  }

  // How it answers the critiques.
  if (ctx.reference) {
    const ProductIndex ref = *ctx.reference;
    const std::string ref_name(c.product_name(ref));
    for (const HardConstraint& h : ctx.constraints) {
      if (h.origin != AppliedConstraint::kCritique) continue;
      Reason r;
      r.kind = ReasonKind::kCritique;
      r.subject = h.constraint.field;
      if (h.field == FieldKind::kPrice) {
        std::optional<Money> rp = PriceOf(c, ref);
        if (!rp || !p.price) continue;
        absl::StatusOr<Money> saving = rp->Minus(*p.price);
        if (!saving.ok()) continue;
        r.value = FormatMoney(*p.price, lang);
        r.other = FormatMoney(*rp, lang);
        r.text = Render(lang, Msg::kCheaperThan,
                        {{"saving", FormatMoney(*saving, lang)}, {"ref", ref_name}});
      } else {
        r.label = h.field == FieldKind::kBrand    ? Render(lang, Msg::kBrandLabel)
                  : h.field == FieldKind::kRating ? Render(lang, Msg::kRatingLabel)
                  : h.attribute                   ? AttributeLabel(ctx, *h.attribute)
                                                  : h.constraint.field;
        r.value = FieldValueText(ctx, h, i);
        r.other = FieldValueText(ctx, h, ref);
        r.text = Render(lang, Msg::kInsteadOf,
                        {{"label", r.label}, {"value", r.value}, {"other", r.other}});
      }
      r.versus = -1;
      p.reasons.push_back(std::move(r));
    }
  }

  // Disclosure: a merchant weight raised this score.
  for (size_t t = 0; t < ctx.terms.size(); ++t) {
    if (ctx.terms[t].source != Term::kMerchant || utilities[t] <= 0 || ctx.scored.weight[t] <= 0) {
      continue;
    }
    const std::string cap = absl::StrCat(static_cast<int>(std::ceil(ctx.scored.weight[t] * 100)));
    Reason r =
        MakeReason(ReasonKind::kMerchant, "merchant", Render(lang, Msg::kMerchant, {{"cap", cap}}));
    r.label = TermLabel(ctx, ctx.terms[t]);
    r.value = p.breakdown[t].value;
    r.other = cap;
    p.reasons.push_back(std::move(r));
  }
  return p;
}

void AddComparisons(const ReasonContext& ctx, int alternative, uint32_t flags,
                    std::vector<Pick>* picks) {
  const Lang lang = ctx.lang;
  if (picks->size() < 2) return;
  const Pick& first = (*picks)[0];

  if (alternative > 0) {
    Pick& a = (*picks)[static_cast<size_t>(alternative)];
    std::vector<Reason> front;
    if ((flags & kAlternativeCheaper) && first.price && a.price) {
      absl::StatusOr<Money> saving = first.price->Minus(*a.price);
      if (saving.ok()) {
        Reason r =
            MakeReason(ReasonKind::kAlternative, "cheaper",
                       Render(lang, Msg::kCheaperAlt,
                              {{"saving", FormatMoney(*saving, lang)}, {"first", first.name}}));
        r.label = Render(lang, Msg::kPriceLabel);
        r.value = FormatMoney(*a.price, lang);
        r.other = FormatMoney(*first.price, lang);
        r.versus = 0;
        front.push_back(std::move(r));
      }
    }
    if (flags & kAlternativeOtherBrand) {
      Reason r = MakeReason(ReasonKind::kAlternative, "other_brand",
                            Render(lang, Msg::kOtherBrandAlt, {{"brand", a.brand}}));
      r.label = Render(lang, Msg::kBrandLabel);
      r.value = a.brand;
      r.other = first.brand;
      r.versus = 0;
      front.push_back(std::move(r));
    }
    a.reasons.insert(a.reasons.begin(), front.begin(), front.end());
  }

  // Terms worth comparing: what the shopper stated, the price fit, the rating.
  auto comparable = [&](const Term& t) {
    return t.stated || t.source == Term::kPriceFit || t.source == Term::kRating;
  };
  // What a comparison claims must hold for the values shown: the rating
  // compares as the catalog holds it (the score uses the rating shrunk by its
  // review count, which can order two picks the other way).
  const Catalog& c = *ctx.rep.catalog;
  auto value_of = [&](size_t t, const Pick& p) -> double {
    if (ctx.terms[t].source == Term::kRating) {
      std::optional<double> r = c.rating_column().Get(p.product);
      return r ? *r : -std::numeric_limits<double>::infinity();
    }
    return p.breakdown[t].utility;
  };
  for (size_t t = 0; t < ctx.terms.size(); ++t) {
    const Term& term = ctx.terms[t];
    if (!comparable(term) || term.source == Term::kSimilar) continue;
    // A stated numeric preference already says "the lowest of the N that fit"
    // for the candidates' best; the picks' best is then no news.
    const bool said_best = term.stated && term.source != Term::kCodes &&
                           term.source != Term::kList && term.source != Term::kBrand &&
                           term.source != Term::kCategory;
    size_t best = 0;
    bool unique = true;
    for (size_t k = 1; k < picks->size(); ++k) {
      const double u = value_of(t, (*picks)[k]), b = value_of(t, (*picks)[best]);
      if (u > b) {
        best = k;
        unique = true;
      } else if (u == b) {
        unique = false;
      }
    }
    if (!unique || (said_best && (*picks)[best].breakdown[t].utility >= 1.0)) continue;
    Reason r = MakeReason(ReasonKind::kBestOfPicks, term.name,
                          Render(lang, Msg::kBestOfPicks, {{"label", TermLabel(ctx, term)}}));
    r.label = TermLabel(ctx, term);
    r.value = (*picks)[best].breakdown[t].value;
    (*picks)[best].reasons.push_back(std::move(r));
  }
  // Each later pick's largest weakness against the first.
  for (size_t k = 1; k < picks->size(); ++k) {
    Pick& p = (*picks)[k];
    double worst = 0.01;
    size_t at = ctx.terms.size();
    for (size_t t = 0; t < ctx.terms.size(); ++t) {
      // Likeness has its own reason ("similar to X"), not a trade-off.
      if (!comparable(ctx.terms[t]) || ctx.terms[t].source == Term::kSimilar ||
          !(value_of(t, first) > value_of(t, p))) {
        continue;
      }
      const double loss =
          (first.breakdown[t].utility - p.breakdown[t].utility) * first.breakdown[t].weight;
      if (loss > worst && first.breakdown[t].utility - p.breakdown[t].utility > 0.05) {
        worst = loss;
        at = t;
      }
    }
    if (at == ctx.terms.size()) continue;
    const std::string label = TermLabel(ctx, ctx.terms[at]);
    const bool target = ctx.terms[at].source == Term::kPriceFit && ctx.request.budget.around;
    Reason r = MakeReason(
        ReasonKind::kTradeOff, ctx.terms[at].name,
        target ? Render(lang, Msg::kTradeOffTarget,
                        {{"value", p.breakdown[at].value},
                         {"target", FormatMoney(*ctx.request.budget.around, lang)},
                         {"other", first.breakdown[at].value},
                         {"first", first.name}})
               : Render(lang, Msg::kTradeOff,
                        {{"label", label},
                         {"value", p.breakdown[at].value},
                         {"other", first.breakdown[at].value},
                         {"first", first.name}}));
    r.label = label;
    r.value = p.breakdown[at].value;
    r.other = first.breakdown[at].value;
    r.versus = 0;
    p.reasons.push_back(std::move(r));
  }
}

std::string JoinLabels(const ReasonContext& ctx, std::span<const QualityAttribute> quality) {
  std::string out;
  for (size_t k = 0; k < quality.size(); ++k) {
    if (k > 0) out.append(k + 1 == quality.size() ? Render(ctx.lang, Msg::kAnd) : ", ");
    out.append(AttributeLabel(ctx, quality[k].attribute));
  }
  return out;
}

void AddLadderReason(const ReasonContext& ctx, const Ladder& ladder, const std::string& tier,
                     Pick* pick) {
  const Lang lang = ctx.lang;
  const std::string currency(ctx.rep.catalog->price_currency(pick->product));
  auto money = [&](int64_t minor) {
    absl::StatusOr<Money> m = Money::FromMinorUnits(minor, currency);
    return m.ok() ? FormatMoney(*m, lang) : std::string();
  };
  const std::string labels = JoinLabels(ctx, ladder.quality);
  const std::string n = FormatCount(static_cast<int64_t>(ctx.scored.products.size()), lang);
  Reason r;
  r.kind = ReasonKind::kLadder;
  r.subject = tier;
  r.label = labels;
  r.value = pick->price ? FormatMoney(*pick->price, lang) : "";
  if (tier == "best") {
    r.other = absl::StrCat(money(ladder.band_lo), " - ", money(ladder.band_hi));
    r.text = Render(lang, Msg::kLadderBest,
                    {{"lo", money(ladder.band_lo)}, {"hi", money(ladder.band_hi)}, {"labels", labels}});
  } else if (tier == "better") {
    r.text = Render(lang, Msg::kLadderBetter, {{"labels", labels}});
  } else if (tier == "good") {
    r.text = Render(lang, Msg::kLadderGood, {{"labels", labels}});
  } else if (tier == "top") {
    r.text = ladder.band_hi == ladder.budget_top ? Render(lang, Msg::kLadderTop)
                                                 : Render(lang, Msg::kLadderDearest, {{"n", n}});
  } else if (tier == "middle") {
    r.text = Render(lang, Msg::kLadderMiddle);
  } else {
    r.text = Render(lang, Msg::kLadderLowest, {{"n", n}});
  }
  pick->tier = tier;
  pick->reasons.insert(pick->reasons.begin(), std::move(r));
}

void AddPriceRank(const ReasonContext& ctx, Pick* pick) {
  if (!pick->price) return;
  const Catalog& c = *ctx.rep.catalog;
  const int64_t mine = pick->price->minor_units();
  int64_t cheaper = 0;
  for (ProductIndex j : ctx.scored.products) {
    const int64_t p = c.price_column()[j];
    cheaper += p != Catalog::kNoPrice && p < mine;
  }
  const std::string n = FormatCount(static_cast<int64_t>(ctx.scored.products.size()), ctx.lang);
  const std::string price = FormatMoney(*pick->price, ctx.lang);
  Reason r = MakeReason(
      ReasonKind::kPriceRank, "price",
      cheaper == 0
          ? absl::StrCat(price, "; ", Render(ctx.lang, Msg::kLadderLowest, {{"n", n}}))
          : Render(ctx.lang, Msg::kPriceRank,
                   {{"price", price}, {"k", FormatCount(cheaper, ctx.lang)}, {"n", n}}));
  r.label = Render(ctx.lang, Msg::kPriceLabel);
  r.value = price;
  pick->reasons.push_back(std::move(r));
}

void AddOtherApproachReason(const ReasonContext& ctx, Pick* pick) {
  const std::string& category =
      ctx.rep.catalog->categories()[ctx.rep.category_of[pick->product]].name;
  Reason r = MakeReason(ReasonKind::kAlternative, "other_approach",
                        Render(ctx.lang, Msg::kOtherApproachAlt, {{"category", category}}));
  r.label = Render(ctx.lang, Msg::kCategoryLabel);
  r.value = category;
  pick->reasons.insert(pick->reasons.begin(), std::move(r));
  pick->alternative = kAlternativeOtherApproach;
}

}  // namespace chatcart::recommend
