// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/verify_terms.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "catalog/units.h"
#include "common/strings.h"
#include "recommend/constraints.h"
#include "text/fold.h"

namespace chatcart::recommend::verify {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool HasFolded(const std::vector<std::string>& folded, std::string_view value) {
  const std::string f = text::Fold(value);
  return std::find(folded.begin(), folded.end(), f) != folded.end();
}

// The number of a target ("27 in", "300 EUR") in the term's unit.
std::optional<double> TargetOf(const Catalog& c, const TermFacts& t, const std::string& text) {
  std::string_view number, unit;
  SplitQuantity(text, &number, &unit);
  double v = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size()) {
    return std::nullopt;
  }
  if (t.kind == TermFacts::kPrice) {
    std::string currency = absl::AsciiStrToUpper(ToAbsl(unit));
    if (currency.empty() && !c.currencies().empty()) currency = c.currencies()[0];
    absl::StatusOr<Money> m = Money::Parse(number, currency);
    if (!m.ok()) return std::nullopt;
    return static_cast<double>(m->minor_units());
  }
  if (!unit.empty() && t.attribute) {
    return catalog::ConvertUnit(v, unit, c.attributes()[*t.attribute].unit);
  }
  return v;
}

}  // namespace

double TermFacts::Raw(ProductIndex i) const {
  const Catalog& c = *rep->catalog;
  switch (kind) {
    case kPriceFit:
    case kPrice: {
      const int64_t p = c.price_column()[i];
      return p == Catalog::kNoPrice ? kNaN : static_cast<double>(p);
    }
    case kRating:
      return c.rating_column().Get(i).value_or(kNaN);
    case kNumber:
      return c.number_column(*attribute).Get(i).value_or(kNaN);
    default:
      return kNaN;
  }
}

double TermFacts::Goodness(ProductIndex i) const {
  if (!numeric()) {
    return Matches(i) ? 1 : 0;
  }
  const double v = Raw(i);
  if (std::isnan(v)) return kNaN;
  if (kind == kPriceFit) {
    return around ? -std::abs(v - static_cast<double>(*around)) : -v;
  }
  switch (direction) {
    case PreferenceKind::kMinimize:
      return -v;
    case PreferenceKind::kTarget:
      return -std::abs(v - target);
    default:
      return v;
  }
}

bool TermFacts::Matches(ProductIndex i) const {
  const Catalog& c = *rep->catalog;
  bool has = false;
  switch (kind) {
    case kBrand:
      has = c.brand_code(i) != 0 && HasFolded(values, c.brands()[c.brand_code(i) - 1]);
      break;
    case kCategory: {
      const CategoryId cat = c.product(i).category;
      for (const std::string& v : values) {
        for (CategoryId root : c.FindCategories(v)) {
          has = has || (cat >= root && cat < c.categories()[root].subtree_end);
        }
      }
      break;
    }
    case kCodes: {
      std::optional<uint32_t> code = c.code_column(*attribute).Get(i);
      has = code && HasFolded(values, c.dictionary(*attribute)[*code]);
      break;
    }
    case kList:
      for (uint32_t code : c.list_codes(*attribute, i)) {
        has = has || HasFolded(values, c.dictionary(*attribute)[code]);
      }
      break;
    default:
      return false;
  }
  return direction == PreferenceKind::kDislike ? !has : has;
}

std::string TermFacts::ValueText(ProductIndex i, Lang lang) const {
  const Catalog& c = *rep->catalog;
  const std::string unknown = blank_unknown ? "" : Render(lang, Msg::kUnknown);
  switch (kind) {
    case kPriceFit:
    case kPrice: {
      const int64_t p = c.price_column()[i];
      if (p == Catalog::kNoPrice) return unknown;
      absl::StatusOr<Money> m = Money::FromMinorUnits(p, c.price_currency(i));
      return m.ok() ? FormatMoney(*m, lang) : unknown;
    }
    case kRating: {
      std::optional<double> r = c.rating_column().Get(i);
      return r ? FormatNumber(*r, lang) : unknown;
    }
    case kNumber: {
      std::optional<double> v = c.number_column(*attribute).Get(i);
      if (!v) return unknown;
      std::string s = FormatNumber(*v, lang);
      if (!c.attributes()[*attribute].unit.empty()) {
        absl::StrAppend(&s, " ", c.attributes()[*attribute].unit);
      }
      return s;
    }
    case kCodes:
    case kList: {
      std::string s = c.AttributeValueText(*attribute, i, text::LanguageCode(lang));
      return s.empty() ? unknown : s;
    }
    case kBrand:
      return c.brand_code(i) == 0 ? unknown : c.brands()[c.brand_code(i) - 1];
    case kCategory:
      return c.categories()[c.product(i).category].name;
  }
  return unknown;
}

std::string TermFacts::Label(Lang lang) const {
  switch (kind) {
    case kPriceFit:
    case kPrice:
      return Render(lang, Msg::kPriceLabel);
    case kRating:
      return Render(lang, Msg::kRatingLabel);
    case kBrand:
      return Render(lang, Msg::kBrandLabel);
    case kCategory:
      return Render(lang, Msg::kCategoryLabel);
    default:
      return std::string(rep->catalog->attributes()[*attribute].LabelIn(text::LanguageCode(lang)));
  }
}

std::string TermFacts::Phrase(Lang lang) const {
  if (named == nullptr) return "";
  auto it = named->phrase.find(std::string(text::LanguageCode(lang)));
  if (it != named->phrase.end()) return it->second;
  it = named->phrase.find("en");
  return it != named->phrase.end() ? it->second : named->name;
}

std::optional<TermFacts> TermOf(const Recommender::Rep& rep, const RecommendRequest& request,
                                const std::string& name) {
  const Catalog& c = *rep.catalog;
  TermFacts t;
  t.rep = &rep;
  if (name == "price_fit") {
    t.kind = TermFacts::kPriceFit;
    t.direction = PreferenceKind::kMinimize;
    if (request.budget.around) t.around = request.budget.around->minor_units();
    return t;
  }
  if (name == "rating") {
    t.kind = TermFacts::kRating;
    for (const Preference& p : request.prefer) {
      const std::string f = text::Fold(p.attribute);
      if (f == "rating" &&
          (p.kind == PreferenceKind::kNamed || p.kind == PreferenceKind::kMaximize)) {
        t.stated = true;
      }
    }
    return t;
  }
  for (const Preference& p : request.prefer) {
    TermFacts f;
    f.rep = &rep;
    f.stated = true;
    f.direction = p.kind;
    std::string attribute = text::Fold(p.attribute);
    if (p.kind == PreferenceKind::kSimilarTo) continue;
    if (p.kind == PreferenceKind::kNamed) {
      for (const NamedPreference& np : rep.vocabulary) {
        if (np.name == p.attribute) f.named = &np;
      }
      if (f.named == nullptr) continue;
      attribute.clear();
      for (const std::string& a : f.named->attributes) {
        std::optional<AttributeId> id = c.FindAttribute(a);
        if (a == "price" || a == "rating" ||
            (id && c.attributes()[*id].type == AttributeType::kNumber)) {
          attribute = text::Fold(a);
          break;
        }
      }
      f.direction = f.named->kind;
    }
    const bool numeric = f.direction == PreferenceKind::kMaximize ||
                         f.direction == PreferenceKind::kMinimize ||
                         f.direction == PreferenceKind::kTarget;
    std::string term_name;
    if (numeric) {
      if (attribute == "price") {
        f.kind = TermFacts::kPrice;
        term_name = "price";
      } else if (attribute == "rating") {
        f.kind = TermFacts::kRating;
        term_name = "rating";
      } else if (std::optional<AttributeId> a = c.FindAttribute(attribute)) {
        f.kind = TermFacts::kNumber;
        f.attribute = a;
        term_name = c.attributes()[*a].name;
      }
      if (f.direction == PreferenceKind::kTarget && !p.values.empty()) {
        std::optional<double> target = TargetOf(c, f, p.values[0]);
        if (!target) continue;
        f.target = *target;
      }
    } else {
      for (const std::string& v : p.values) f.values.push_back(text::Fold(v));
      if (attribute == "brand") {
        f.kind = TermFacts::kBrand;
        term_name = "brand";
      } else if (attribute == "category") {
        f.kind = TermFacts::kCategory;
        term_name = "category";
      } else if (std::optional<AttributeId> a = c.FindAttribute(attribute)) {
        f.attribute = a;
        f.kind = c.attributes()[*a].type == AttributeType::kList ? TermFacts::kList
                                                                  : TermFacts::kCodes;
        term_name = c.attributes()[*a].name;
      }
    }
    if (!term_name.empty() && term_name == name) return f;
  }
  return std::nullopt;
}

std::optional<TermFacts> FieldFacts(const Recommender::Rep& rep, const std::string& field) {
  const Catalog& c = *rep.catalog;
  TermFacts t;
  t.rep = &rep;
  t.blank_unknown = true;
  const std::string f = text::Fold(field);
  if (f == "brand") {
    t.kind = TermFacts::kBrand;
    return t;
  }
  if (f == "rating") {
    t.kind = TermFacts::kRating;
    return t;
  }
  std::optional<AttributeId> a = c.FindAttribute(f);
  if (!a) return std::nullopt;
  t.attribute = a;
  const AttributeType type = c.attributes()[*a].type;
  t.kind = type == AttributeType::kNumber ? TermFacts::kNumber
           : type == AttributeType::kList ? TermFacts::kList
                                          : TermFacts::kCodes;
  return t;
}

}  // namespace chatcart::recommend::verify
