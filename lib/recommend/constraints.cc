// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/constraints.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "text/fold.h"

namespace chatcart::recommend {
namespace {

using Origin = AppliedConstraint::Origin;

std::optional<double> ParseNumber(std::string_view text, std::string* unit) {
  std::string_view number, u;
  SplitQuantity(text, &number, &u);
  double v = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size()) {
    return std::nullopt;
  }
  if (unit) *unit = absl::AsciiStrToLower(ToAbsl(u));
  return v;
}

std::string MoneyConstraintValue(const Money& m) {
  return absl::StrCat(m.ToDecimalString(), " ", ToAbsl(m.currency()));
}

}  // namespace

void SplitQuantity(std::string_view text, std::string_view* number, std::string_view* unit) {
  text = Trim(text);
  size_t k = 0;
  while (k < text.size() && (absl::ascii_isdigit(static_cast<unsigned char>(text[k])) ||
                             text[k] == '.' || text[k] == '-' || text[k] == '+')) {
    ++k;
  }
  *number = text.substr(0, k);
  *unit = Trim(text.substr(k));
}

std::string HardConstraint::Text() const {
  if (field == FieldKind::kAge) return absl::StrCat("age=", age);
  return constraint.ToString();
}

absl::StatusOr<HardConstraint> ResolveConstraint(const Recommender::Rep& rep, Constraint c,
                                                 Origin origin, std::string_view context) {
  HardConstraint h;
  h.origin = origin;
  const std::string field = text::Fold(Trim(c.field));
  if (field == "price") {
    h.field = FieldKind::kPrice;
  } else if (field == "list_price") {
    h.field = FieldKind::kListPrice;
  } else if (field == "rating") {
    h.field = FieldKind::kRating;
  } else if (field == "stock") {
    h.field = FieldKind::kStock;
    h.relaxable = false;  // never offer what cannot be bought now
  } else if (field == "brand") {
    h.field = FieldKind::kBrand;
  } else if (field == "category") {
    h.field = FieldKind::kCategory;
    // What the shopper is looking for is not negotiated; other approaches are
    // the host's to name (RecommendRequest::other_approaches).
    h.relaxable = false;
  } else if (field == "id") {
    h.field = FieldKind::kId;
    h.relaxable = false;
  } else {
    std::optional<AttributeId> a = rep.catalog->FindAttribute(field);
    if (!a) {
      return absl::InvalidArgumentError(absl::StrCat(ToAbsl(context), " \"", c.ToString(),
                                                     "\": no field or attribute \"",
                                                     ToAbsl(Trim(c.field)), "\""));
    }
    h.attribute = *a;
    switch (rep.catalog->attributes()[*a].type) {
      case AttributeType::kNumber:
        h.field = FieldKind::kNumber;
        break;
      case AttributeType::kList:
        h.field = FieldKind::kList;
        break;
      default:
        h.field = FieldKind::kCodes;
        break;
    }
  }
  h.constraint = std::move(c);
  return h;
}

absl::StatusOr<std::vector<HardConstraint>> CompileConstraints(const Recommender::Rep& rep,
                                                               const RecommendRequest& request) {
  std::vector<HardConstraint> out;
  for (size_t k = 0; k < request.where.size(); ++k) {
    const std::string context = absl::StrCat("where[", k, "]");
    absl::StatusOr<Constraint> c = Constraint::Parse(request.where[k]);
    if (!c.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(context, ": ", c.status().message()));
    }
    CHATCART_ASSIGN_OR_RETURN(HardConstraint h,
                              ResolveConstraint(rep, *std::move(c), Origin::kWhere, context));
    out.push_back(std::move(h));
  }

  // Budget: in one of the catalog's currencies, min <= max.
  const Budget& b = request.budget;
  std::span<const std::string> currencies = rep.catalog->currencies();
  for (const std::optional<Money>* m : {&b.min, &b.max, &b.around}) {
    if (!m->has_value()) continue;
    if (!(*m)->has_currency())
      return absl::InvalidArgumentError("budget: an amount has no currency");
    if ((*m)->is_negative()) {
      return absl::InvalidArgumentError(absl::StrCat("budget: ", (*m)->ToString(), " is negative"));
    }
    if (!currencies.empty() &&
        std::find(currencies.begin(), currencies.end(), (*m)->currency()) == currencies.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("budget: ", (*m)->ToString(), " is in ", ToAbsl((*m)->currency()),
                       " but the catalog's prices are in ", absl::StrJoin(currencies, ", ")));
    }
  }
  if (b.min && b.max) {
    if (b.min->currency() != b.max->currency()) {
      return absl::InvalidArgumentError(absl::StrCat("budget: min ", b.min->ToString(), " and max ",
                                                     b.max->ToString(),
                                                     " are in different currencies"));
    }
    if (b.min->minor_units() > b.max->minor_units()) {
      return absl::InvalidArgumentError(
          absl::StrCat("budget: min ", b.min->ToString(), " exceeds max ", b.max->ToString()));
    }
  }
  auto add_budget = [&](const Money& m, CompareOp op) {
    HardConstraint h;
    h.origin = Origin::kBudget;
    h.field = FieldKind::kPrice;
    h.constraint.field = "price";
    h.constraint.op = op;
    h.constraint.values = {MoneyConstraintValue(m)};
    out.push_back(std::move(h));
  };
  if (b.min && b.min->minor_units() > 0) add_budget(*b.min, CompareOp::kGe);
  if (b.max) add_budget(*b.max, CompareOp::kLe);

  if (request.age) {
    if (*request.age < 0 || *request.age > 150) {
      return absl::InvalidArgumentError(
          absl::StrCat("age: ", *request.age, " is not an age in years (0..150)"));
    }
    // Applies only when the catalog has age ranges at all.
    if (rep.age_min || rep.age_max) {
      HardConstraint h;
      h.origin = Origin::kAge;
      h.field = FieldKind::kAge;
      h.age = *request.age;
      h.relaxable = false;  // a child's age is a fact, not a wish
      out.push_back(std::move(h));
    }
  }

  for (size_t k = 0; k < request.contains_all.size(); ++k) {
    const ContainsAll& ca = request.contains_all[k];
    const std::string context = absl::StrCat("contains_all[", k, "]");
    if (ca.values.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(context, " \"", ca.attribute, "\": no values"));
    }
    for (const std::string& v : ca.values) {
      Constraint c;
      c.field = ca.attribute;
      c.op = CompareOp::kEq;
      c.values = {std::string(Trim(v))};
      if (c.values[0].empty() || c.values[0].find('|') != std::string::npos) {
        return absl::InvalidArgumentError(
            absl::StrCat(context, " \"", ca.attribute, "\": bad value \"", v, "\""));
      }
      CHATCART_ASSIGN_OR_RETURN(
          HardConstraint h, ResolveConstraint(rep, std::move(c), Origin::kContainsAll, context));
      if (h.field == FieldKind::kNumber) {
        return absl::InvalidArgumentError(absl::StrCat(
            context, " \"", ca.attribute, "\": a number attribute holds one value, not a list"));
      }
      out.push_back(std::move(h));
    }
  }
  return out;
}

absl::Status CheckContradictions(std::span<const HardConstraint> constraints) {
  auto contradiction = [&](size_t a, size_t b) {
    return absl::InvalidArgumentError(
        absl::StrCat("constraints \"", constraints[a].Text(), "\" and \"", constraints[b].Text(),
                     "\" contradict each other: no value can meet both"));
  };
  // Intervals of numeric fields, keyed by field and unit.
  struct Interval {
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();
    bool lo_open = false, hi_open = false;
    size_t lo_from = 0, hi_from = 0;
  };
  std::map<std::string, Interval> intervals;
  // Value sets of single-valued fields (brand, enum): the kEq sets must meet,
  // and not lie inside a kNe set.
  struct Values {
    std::set<std::string> eq;
    bool has_eq = false;
    size_t eq_from = 0;
  };
  std::map<std::string, Values> values;

  for (size_t k = 0; k < constraints.size(); ++k) {
    const HardConstraint& h = constraints[k];
    const std::string field_key =
        absl::StrCat(static_cast<int>(h.field), ":", h.attribute ? *h.attribute : 0u);
    const CompareOp op = h.constraint.op;
    if (h.field == FieldKind::kPrice || h.field == FieldKind::kListPrice ||
        h.field == FieldKind::kRating || h.field == FieldKind::kStock ||
        h.field == FieldKind::kNumber) {
      if (op == CompareOp::kNe || (op == CompareOp::kEq && h.constraint.values.size() != 1)) {
        continue;
      }
      std::string unit;
      std::optional<double> v = ParseNumber(h.constraint.values[0], &unit);
      if (!v) continue;  // the catalog reports it when evaluating
      Interval& in = intervals[absl::StrCat(field_key, ":", unit)];
      if (op == CompareOp::kGe || op == CompareOp::kGt || op == CompareOp::kEq) {
        const bool open = op == CompareOp::kGt;
        if (*v > in.lo || (*v == in.lo && open)) {
          in.lo = *v;
          in.lo_open = open;
          in.lo_from = k;
        }
      }
      if (op == CompareOp::kLe || op == CompareOp::kLt || op == CompareOp::kEq) {
        const bool open = op == CompareOp::kLt;
        if (*v < in.hi || (*v == in.hi && open)) {
          in.hi = *v;
          in.hi_open = open;
          in.hi_from = k;
        }
      }
      if (in.lo > in.hi || (in.lo == in.hi && (in.lo_open || in.hi_open))) {
        return contradiction(std::min(in.lo_from, in.hi_from), std::max(in.lo_from, in.hi_from));
      }
    } else if (h.field == FieldKind::kBrand || h.field == FieldKind::kCodes) {
      Values& vs = values[field_key];
      std::set<std::string> folded;
      for (const std::string& v : h.constraint.values) folded.insert(text::Fold(Trim(v)));
      if (op == CompareOp::kEq) {
        if (vs.has_eq) {
          std::set<std::string> meet;
          for (const std::string& v : folded) {
            if (vs.eq.count(v)) meet.insert(v);
          }
          if (meet.empty()) return contradiction(vs.eq_from, k);
          vs.eq = std::move(meet);
        } else {
          vs.eq = std::move(folded);
          vs.has_eq = true;
          vs.eq_from = k;
        }
      }
    }
  }
  // x=a and x!=a (every allowed value excluded).
  for (size_t k = 0; k < constraints.size(); ++k) {
    const HardConstraint& h = constraints[k];
    if (h.constraint.op != CompareOp::kNe ||
        (h.field != FieldKind::kBrand && h.field != FieldKind::kCodes)) {
      continue;
    }
    const std::string field_key =
        absl::StrCat(static_cast<int>(h.field), ":", h.attribute ? *h.attribute : 0u);
    auto it = values.find(field_key);
    if (it == values.end() || !it->second.has_eq) continue;
    bool all_excluded = true;
    for (const std::string& v : it->second.eq) {
      bool excluded = false;
      for (const std::string& n : h.constraint.values) excluded |= text::Fold(Trim(n)) == v;
      all_excluded &= excluded;
    }
    if (all_excluded)
      return contradiction(std::min(it->second.eq_from, k), std::max(it->second.eq_from, k));
  }
  return absl::OkStatus();
}

void ApplyAge(const Recommender::Rep& rep, int age, ProductSet* set) {
  const double a = age;
  auto apply = [&](const NumberColumn& col, bool is_min) {
    auto out = [&](double v) { return is_min ? v > a : v < a; };
    if (col.count() < set->Count()) {
      col.ForEach([&](ProductIndex i, double v) {
        if (out(v)) set->Erase(i);
      });
    } else {
      std::vector<ProductIndex> drop;
      set->ForEach([&](ProductIndex i) {
        std::optional<double> v = col.Get(i);
        if (v && out(*v)) drop.push_back(i);
      });
      for (ProductIndex i : drop) set->Erase(i);
    }
  };
  if (rep.age_min) apply(rep.catalog->number_column(*rep.age_min), true);
  if (rep.age_max) apply(rep.catalog->number_column(*rep.age_max), false);
}

absl::StatusOr<ProductSet> SelectAll(const Recommender::Rep& rep,
                                     std::span<const HardConstraint> constraints,
                                     const ProductSet& base) {
  std::vector<Constraint> catalog_constraints;
  catalog_constraints.reserve(constraints.size());
  for (const HardConstraint& h : constraints) {
    if (h.field != FieldKind::kAge) catalog_constraints.push_back(h.constraint);
  }
  ProductSet set;
  if (catalog_constraints.empty()) {
    set = base;
  } else {
    CHATCART_ASSIGN_OR_RETURN(set, rep.catalog->Select(catalog_constraints));
    set.IntersectWith(base);
  }
  for (const HardConstraint& h : constraints) {
    if (h.field == FieldKind::kAge) ApplyAge(rep, h.age, &set);
  }
  return set;
}

absl::StatusOr<ProductSet> SelectOne(const Recommender::Rep& rep, const HardConstraint& c,
                                     const ProductSet& base) {
  return SelectAll(rep, std::span<const HardConstraint>(&c, 1), base);
}

std::string Phrase(const Recommender::Rep& rep, const HardConstraint& c, Lang lang) {
  if (c.field == FieldKind::kAge) return Render(lang, Msg::kAge, {{"v", absl::StrCat(c.age)}});
  const Constraint& k = c.constraint;
  const CompareOp op = k.op;
  static constexpr Msg kPriceMsg[] = {Msg::kPriceEq, Msg::kPriceNe, Msg::kPriceLt,
                                      Msg::kPriceLe, Msg::kPriceGt, Msg::kPriceGe};
  static constexpr Msg kNumMsg[] = {Msg::kNumEq, Msg::kNumNe, Msg::kNumLt,
                                    Msg::kNumLe, Msg::kNumGt, Msg::kNumGe};
  const int o = static_cast<int>(op);
  std::string joined;
  auto join = [&](auto&& format) {
    std::string s;
    for (size_t i = 0; i < k.values.size(); ++i) {
      if (i > 0) s.append(Render(lang, Msg::kOr));
      s.append(format(k.values[i]));
    }
    return s;
  };
  switch (c.field) {
    case FieldKind::kPrice:
    case FieldKind::kListPrice: {
      std::string v = join([&](const std::string& value) {
        std::string_view number, unit;
        SplitQuantity(value, &number, &unit);
        std::string currency = absl::AsciiStrToUpper(ToAbsl(unit));
        if (currency.empty() && !rep.catalog->currencies().empty()) {
          currency = rep.catalog->currencies()[0];
        }
        absl::StatusOr<Money> m = Money::Parse(number, currency);
        return m.ok() ? FormatMoney(*m, lang) : value;
      });
      return Render(lang, kPriceMsg[o], {{"v", v}});
    }
    case FieldKind::kStock:
      if ((op == CompareOp::kGt && k.values[0] == "0") ||
          (op == CompareOp::kGe && k.values[0] == "1")) {
        return Render(lang, Msg::kInStock);
      }
      [[fallthrough]];
    case FieldKind::kRating:
    case FieldKind::kNumber: {
      std::string label =
          c.field == FieldKind::kRating ? Render(lang, Msg::kRatingLabel)
          : c.field == FieldKind::kStock
              ? Render(lang, Msg::kStockLabel)
              : std::string(rep.catalog->attributes()[*c.attribute].LabelIn(text::LanguageCode(lang)));
      const std::string& column_unit =
          c.field == FieldKind::kNumber ? rep.catalog->attributes()[*c.attribute].unit : "";
      std::string v = join([&](const std::string& value) {
        std::string unit;
        std::optional<double> n = ParseNumber(value, &unit);
        if (!n) return value;
        std::string_view number, raw_unit;
        SplitQuantity(value, &number, &raw_unit);
        std::string u = raw_unit.empty() ? column_unit : std::string(raw_unit);
        return u.empty() ? FormatNumber(*n, lang) : absl::StrCat(FormatNumber(*n, lang), " ", u);
      });
      return Render(lang, kNumMsg[o], {{"label", label}, {"v", v}});
    }
    case FieldKind::kBrand:
      return Render(lang, op == CompareOp::kNe ? Msg::kBrandNe : Msg::kBrandEq,
                    {{"v", join([](const std::string& v) { return v; })}});
    case FieldKind::kCategory:
      return Render(lang, op == CompareOp::kNe ? Msg::kCategoryNe : Msg::kCategoryEq,
                    {{"v", join([](const std::string& v) { return v; })}});
    case FieldKind::kId:
      return Render(lang, op == CompareOp::kNe ? Msg::kIdNe : Msg::kIdEq,
                    {{"v", join([](const std::string& v) { return v; })}});
    case FieldKind::kCodes:
    case FieldKind::kList: {
      // The label and values as the mapping words them in the session's language.
      const AttributeInfo& a = rep.catalog->attributes()[*c.attribute];
      const std::string_view language = text::LanguageCode(lang);
      std::string v =
          join([&](const std::string& value) { return std::string(a.ValueIn(value, language)); });
      return Render(lang, op == CompareOp::kNe ? Msg::kNumNe : Msg::kNumEq,
                    {{"label", a.LabelIn(language)}, {"v", v}});
    }
    case FieldKind::kAge:
      break;
  }
  return c.Text();
}

}  // namespace chatcart::recommend
